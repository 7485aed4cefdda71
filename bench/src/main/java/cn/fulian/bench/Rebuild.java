package cn.fulian.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Rebuild from zero: {@code POST /api/reports/admin/rebuild} (admin token, straight to reporting-service, which
 * answers when the replay is done) timed, with dashboards of the city, a district and a township read before and
 * after and compared (all but the {@code asOf} timestamp).
 */
final class Rebuild {

    private final Settings settings;
    private final Api api;
    private final OrgTree tree;

    Rebuild(Settings settings, Api api, OrgTree tree) {
        this.settings = settings;
        this.api = api;
        this.tree = tree;
    }

    private List<String> snapshot() {
        List<String> out = new ArrayList<>();
        for (OrgTree.Unit u : List.of(tree.city, tree.districts.get(0), tree.townships.get(0))) {
            JsonNode d = api.getJson(
                    settings.reporting() + "/api/reports/dashboard?unit=" + Api.enc(u.path()) + "&year="
                            + settings.year(),
                    "city-staff");
            ((ObjectNode) d).remove("asOf");
            out.add(d.toString());
        }
        return out;
    }

    void run(Results results, long eventsHeld) {
        List<String> before = snapshot();
        HttpRequest request = HttpRequest.newBuilder(URI.create(settings.reporting() + "/api/reports/admin/rebuild"))
                .header("Authorization", "Bearer " + api.token("admin"))
                .timeout(Duration.ofMinutes(90))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        Log.line("  rebuilding from %,d events …", eventsHeld);
        long t0 = System.nanoTime();
        HttpResponse<String> r = api.send(request);
        double seconds = (System.nanoTime() - t0) / 1e9;
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("events_held", eventsHeld);
        d.put("http_status", r.statusCode());
        d.put("answer", Api.abbreviate(r.body()));
        if (r.statusCode() != 200) {
            results.unmeasured(
                    "rebuild_1m_events_s", "rebuild answered HTTP " + r.statusCode() + ": " + Api.abbreviate(r.body()));
            results.detail("rebuild", d);
            return;
        }
        List<String> after = snapshot();
        boolean equal = before.equals(after);
        d.put("seconds", Stats.round(seconds, 1));
        d.put("events_per_s", Math.round(eventsHeld / seconds));
        d.put(
                "dashboards_compared",
                List.of(
                        tree.city.path(),
                        tree.districts.get(0).path(),
                        tree.townships.get(0).path()));
        d.put("dashboards_equal_after", equal);
        results.detail("rebuild", d);
        results.put("rebuild_dashboards_equal", equal);
        if (eventsHeld >= 1_000_000) {
            results.put("rebuild_1m_events_s", Stats.round(seconds, 1));
        } else {
            results.put("rebuild_events_s", Stats.round(seconds, 1));
            results.unmeasured(
                    "rebuild_1m_events_s",
                    String.format("the topics held %,d events, fewer than 1,000,000 (this run's size)", eventsHeld));
        }
        if (!equal) {
            results.note("dashboards after the rebuild differ from before it");
        }
    }
}
