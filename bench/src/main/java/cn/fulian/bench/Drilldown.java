package cn.fulian.bench;

import static com.mongodb.client.model.Accumulators.sum;
import static com.mongodb.client.model.Aggregates.group;
import static com.mongodb.client.model.Aggregates.match;
import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.client.MongoCollection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.bson.Document;
import tools.jackson.databind.JsonNode;

/**
 * Drill-down: dashboard reads of the city, districts and townships through the gateway (each a unit's own task rows
 * plus every direct child's), against the same figures computed at read time by aggregation pipelines over the raw
 * allocations and contributions kept in a store of the bench's own (the same Mongo-wire server, not the platform's).
 */
final class Drilldown {

    private final Settings settings;
    private final Api api;
    private final OrgTree tree;
    private final Seeder seeder;
    private final MongoCollection<Document> allocations;
    private final MongoCollection<Document> contributions;

    Drilldown(
            Settings settings,
            Api api,
            OrgTree tree,
            Seeder seeder,
            MongoCollection<Document> allocations,
            MongoCollection<Document> contributions) {
        this.settings = settings;
        this.api = api;
        this.tree = tree;
        this.seeder = seeder;
        this.allocations = allocations;
        this.contributions = contributions;
    }

    private String url(OrgTree.Unit u) {
        return settings.gateway() + "/api/reports/dashboard?unit=" + Api.enc(u.path()) + "&year=" + settings.year();
    }

    private long timedDashboard(OrgTree.Unit u) {
        long t0 = System.nanoTime();
        var r = api.send(api.get(url(u), "city-staff").build());
        long took = System.nanoTime() - t0;
        if (r.statusCode() != 200) {
            throw new IllegalStateException("dashboard " + u.path() + ": HTTP " + r.statusCode());
        }
        return took;
    }

    void run(Results results) {
        Random random = new Random(7);
        List<OrgTree.Unit> units = new ArrayList<>();
        for (int i = 0; i < settings.drilldownRequests(); i++) {
            units.add(
                    switch (i % 3) {
                        case 0 -> i % 9 == 0 ? tree.city : tree.districts.get(random.nextInt(tree.districts.size()));
                        case 1 -> tree.districts.get(random.nextInt(tree.districts.size()));
                        default -> tree.townships.get(random.nextInt(tree.townships.size()));
                    });
        }
        for (int i = 0; i < Math.min(10, units.size()); i++) {
            timedDashboard(units.get(i));
        }
        List<Long> all = new ArrayList<>();
        Map<String, List<Long>> byLevel = new LinkedHashMap<>();
        long started = System.nanoTime();
        for (OrgTree.Unit u : units) {
            long took = timedDashboard(u);
            all.add(took);
            byLevel.computeIfAbsent(u.level(), k -> new ArrayList<>()).add(took);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Stats s = Stats.ofNanos(all);
        results.put("drilldown_p50_ms", Stats.round(s.percentile(50), 2));
        results.put("drilldown_p95_ms", Stats.round(s.percentile(95), 2));
        Map<String, Object> levels = new LinkedHashMap<>();
        byLevel.forEach((level, list) -> {
            Stats ls = Stats.ofNanos(list);
            levels.put(
                    level,
                    Map.of(
                            "requests", ls.count(),
                            "p50_ms", Stats.round(ls.percentile(50), 2),
                            "p95_ms", Stats.round(ls.percentile(95), 2)));
        });
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put(
                "request", "GET /api/reports/dashboard?unit&year through the gateway, city-staff token, one at a time");
        detail.put("requests", s.count());
        detail.put("seconds", Stats.round(seconds, 1));
        detail.put("by_level", levels);
        detail.put("assignments", (long) tree.size() * seeder.tasks.size());
        detail.put("raw_contributions", contributions.countDocuments());

        // the same units timed both ways, and the figures compared
        List<OrgTree.Unit> compared = new ArrayList<>();
        compared.add(tree.city);
        for (int i = 0; compared.size() < settings.aggregationUnits(); i++) {
            compared.add(
                    i % 2 == 0
                            ? tree.districts.get(random.nextInt(tree.districts.size()))
                            : tree.townships.get(random.nextInt(tree.townships.size())));
        }
        List<Long> dashNanos = new ArrayList<>();
        List<Long> aggNanos = new ArrayList<>();
        long mismatches = 0;
        long checked = 0;
        for (OrgTree.Unit u : compared) {
            dashNanos.add(timedDashboard(u));
            long t0 = System.nanoTime();
            Map<String, double[]> agg = aggregate(u);
            aggNanos.add(System.nanoTime() - t0);
            JsonNode dash = api.getJson(url(u), "city-staff");
            for (JsonNode child : dash.path("children")) {
                String path = child.path("unit").path("path").asString();
                // a child's full rows come on request, as the console asks for them when a child is opened
                JsonNode rows = api.getJson(
                                settings.gateway() + "/api/reports/dashboard/rows?unit=" + Api.enc(path) + "&year="
                                        + settings.year(),
                                "city-staff")
                        .path("tasks");
                for (JsonNode row : rows) {
                    double[] expected = agg.get(path + "|" + row.path("taskId").asString());
                    if (expected == null) {
                        continue;
                    }
                    checked++;
                    if (Math.abs(expected[0] - row.path("target").asDouble()) > 1e-6
                            || Math.abs(expected[1] - row.path("actual").asDouble(0)) > 1e-6) {
                        mismatches++;
                    }
                }
            }
        }
        Stats dash = Stats.ofNanos(dashNanos);
        Stats agg = Stats.ofNanos(aggNanos);
        results.put("drilldown_compared_dashboard_p50_ms", Stats.round(dash.percentile(50), 2));
        results.put("aggregation_p50_ms", Stats.round(agg.percentile(50), 2));
        results.put("aggregation_p95_ms", Stats.round(agg.percentile(95), 2));
        if (dash.count() > 0 && dash.percentile(50) > 0) {
            results.put("drilldown_speedup_vs_aggregation", Stats.round(agg.percentile(50) / dash.percentile(50), 1));
        }
        detail.put("compared_units", compared.stream().map(OrgTree.Unit::path).toList());
        detail.put(
                "compared",
                "median of the dashboard read (HTTP through the gateway, JSON, pace rules) vs median of two "
                        + "aggregation pipelines run with the Java driver over raw documents in the same Mongo server "
                        + "(raw_allocations: $match {year, $or:[unitPath:U, parentPath:U]} → $group by unit+task "
                        + "summing target; raw_contributions: $match {year, p<depth>:U} → $group by child+task "
                        + "summing amount), for the same units");
        detail.put("figures_checked", checked);
        detail.put("figures_mismatched", mismatches);
        results.detail("drilldown", detail);
        if (mismatches > 0) {
            results.note(mismatches + " of " + checked
                    + " child task figures of the dashboard differ from the raw aggregation");
        }
    }

    /** (child unit path | task id) → {target, actual} computed from the raw documents. */
    Map<String, double[]> aggregate(OrgTree.Unit u) {
        Map<String, double[]> out = new HashMap<>();
        for (Document d : allocations.aggregate(List.of(
                match(and(eq("year", settings.year()), or(eq("unitPath", u.path()), eq("parentPath", u.path())))),
                group(new Document("u", "$unitPath").append("t", "$taskId"), sum("target", "$target"))))) {
            Document id = d.get("_id", Document.class);
            out.computeIfAbsent(id.getString("u") + "|" + id.getString("t"), k -> new double[2])[0] =
                    ((Number) d.get("target")).doubleValue();
        }
        int depth = u.depth();
        for (Document d : contributions.aggregate(List.of(
                match(and(eq("year", settings.year()), eq("p" + depth, u.path()))),
                group(new Document("u", "$p" + (depth + 1)).append("t", "$taskId"), sum("actual", "$amount"))))) {
            Document id = d.get("_id", Document.class);
            double actual = ((Number) d.get("actual")).doubleValue();
            out.computeIfAbsent(id.getString("u") + "|" + id.getString("t"), k -> new double[2])[1] += actual;
            out.computeIfAbsent(u.path() + "|" + id.getString("t"), k -> new double[2])[1] += actual;
        }
        return out;
    }
}
