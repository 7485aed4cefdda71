package cn.fulian.bench;

import cn.fulian.store.MongoWireServer;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bson.Document;

/**
 * Runs every benchmark against a platform on this machine and writes {@code latest.json} and {@code latest.md}. See
 * the root README's "Benchmarks" section.
 */
public final class Bench {

    private Bench() {}

    public static void main(String[] args) throws Exception {
        Settings settings;
        try {
            settings = Settings.parse(args);
        } catch (IllegalArgumentException e) {
            Log.refused(e.getMessage() + System.lineSeparator() + Settings.USAGE);
            System.exit(2);
            return;
        }
        if (settings == null) {
            Log.line("%s", Settings.USAGE);
            return;
        }
        long started = System.nanoTime();
        String date = OffsetDateTime.now(ZoneOffset.UTC)
                .truncatedTo(ChronoUnit.SECONDS)
                .toString();
        Map<String, Object> machine = Machine.describe();
        machine.put("load_average_before", Machine.loadAverage());
        Results results = new Results();
        PlatformControl platform = new PlatformControl(settings.root());
        Log.line("bench (%s) against %s", settings.small() ? "small" : "full", settings.root());
        // the report is rendered once before the run, so its classes are loaded: a warm restart at the end runs
        // ./platform up, which rebuilds every jar (this one too) when a source changed meanwhile
        Report.markdown(results, machine, date, settings.describe(), 0);
        Report.render(Report.json(results, machine, date, settings.describe(), 0));
        try {
            run(settings, platform, results);
        } catch (Exception e) {
            results.note("the run stopped early: " + e);
            Log.failure("the run stopped early", e);
        } finally {
            machine.put("load_average_after", Machine.loadAverage());
            try {
                if (!settings.upLast() || !results.figures.containsKey("platform_total_rss_mb")) {
                    rss(platform, results, "platform_total_rss_mb", "rss_after_load");
                }
            } catch (RuntimeException e) {
                results.unmeasured("platform_total_rss_mb", "cannot read the platform's processes: " + e.getMessage());
            }
            ensureKeys(results);
            double runSeconds = (System.nanoTime() - started) / 1e9;
            Map<String, Object> s = settings.describe();
            Report.write(
                    settings.out(),
                    Report.json(results, machine, date, s, runSeconds),
                    results,
                    Report.markdown(results, machine, date, s, runSeconds));
            Log.line("results: %s/latest.json and latest.md (%.0f s)", settings.out(), runSeconds);
            if (!settings.leaveRunning()) {
                Log.line("./platform down");
                platform.run(300, "down");
            }
        }
        System.exit(0);
    }

    private static void run(Settings settings, PlatformControl platform, Results results) throws Exception {
        if (settings.skipUp()) {
            results.unmeasured("platform_up_warm_s", "--skip-up: the running platform was used");
        } else if (!settings.upLast()) {
            timeUp(platform, results);
        }
        if (!platform.ready()) {
            throw new IllegalStateException("the platform is not running (./platform status does not exit 0)");
        }
        rss(platform, results, "platform_idle_rss_mb", "rss_idle");

        Api api = new Api(settings.keycloak());
        OrgTree tree = new OrgTree(settings.districts(), settings.townships(), settings.villages());
        Path rawStore = Files.createTempDirectory("bench-raw");
        int rawPort;
        try (ServerSocket free = new ServerSocket(0)) {
            rawPort = free.getLocalPort();
        }
        try (Kafka kafka = new Kafka(settings.kafka());
                MongoWireServer raw = MongoWireServer.start(rawStore.resolve("raw.mv"), "127.0.0.1", rawPort);
                MongoClient rawClient = MongoClients.create("mongodb://127.0.0.1:" + raw.port())) {
            // a first start publishes the demo plan and the unit registry: let every consumer finish before timing
            if (kafka.awaitNoLag(600, "before the gateway figure") < 0) {
                results.note("the read model still lagged when the gateway figure was taken");
            }
            Log.line("gateway overhead: %d s per path at %d req/s", settings.gatewaySeconds(), settings.gatewayRate());
            phase(results, "gateway", () -> new GatewayOverhead(settings, api).run(results));

            Seeder seeder = new Seeder(settings, tree, kafka);
            // the raw documents of the read-time aggregation live in a store of the bench's own, so they neither
            // weigh on the platform's memory nor share its database's cache
            MongoDatabase benchDb = rawClient.getDatabase("bench");
            MongoCollection<Document> allocations = benchDb.getCollection("raw_allocations");
            MongoCollection<Document> contributions = benchDb.getCollection("raw_contributions");

            Log.line(
                    "seed: %,d units, %d tasks, %,d assignments",
                    tree.size(), seeder.tasks.size(), (long) tree.size() * seeder.tasks.size());
            if (kafka.awaitNoLag(600, "before seeding") < 0) {
                results.note("the read model still lagged before seeding");
            }
            int units = seeder.publishOrgUnits();
            long t0 = System.nanoTime();
            long planEvents = seeder.publishPlan();
            double publishSeconds = (System.nanoTime() - t0) / 1e9;
            Log.line(
                    "  published %,d units and %,d planning events in %.1f s; waiting for the read model",
                    units, planEvents, publishSeconds);
            long done = kafka.awaitNoLag(5_400, "seed");
            Map<String, Object> seed = new LinkedHashMap<>();
            seed.put("org_unit_events", units);
            seed.put("planning_events", planEvents);
            seed.put("publish_seconds", Stats.round(publishSeconds, 1));
            if (done < 0) {
                throw new IllegalStateException("the read model did not catch up with the seed within 90 minutes");
            }
            double seedSeconds = (done - t0) / 1e9;
            seed.put("applied_seconds", Stats.round(seedSeconds, 1));
            results.put("updater_planning_events_per_s", Math.round(planEvents / seedSeconds));
            results.detail("seed", seed);
            Log.line("  applied in %.1f s (%.0f events/s)", seedSeconds, planEvents / seedSeconds);

            long held = kafka.eventsHeld();
            long latencyEvents = (20L + 200L) * settings.latencySeconds();
            long activities = Math.max(settings.updaterEvents(), settings.rebuildEvents() - held - latencyEvents);
            Log.line("updater: %,d ActivityRecorded events (topics hold %,d)", activities, held);
            t0 = System.nanoTime();
            seeder.publishActivities(activities);
            publishSeconds = (System.nanoTime() - t0) / 1e9;
            done = kafka.awaitNoLag(5_400, "activities");
            Map<String, Object> up = new LinkedHashMap<>();
            up.put("events", activities);
            up.put("kind", "ActivityRecorded with one contribution at a village (4 roll-up levels)");
            up.put("publish_seconds", Stats.round(publishSeconds, 1));
            up.put("observed", "consumer group " + Kafka.READ_MODEL_GROUP + " lag reaching 0 (AdminClient)");
            if (done < 0) {
                results.unmeasured("updater_events_per_s", "the read model did not catch up within 90 minutes");
            } else {
                double s = (done - t0) / 1e9;
                up.put("applied_seconds", Stats.round(s, 1));
                results.put("updater_events_per_s", Math.round(activities / s));
                Log.line("  applied in %.1f s (%.0f events/s)", s, activities / s);
            }
            results.detail("updater", up);

            Log.line("raw documents for the read-time aggregation");
            t0 = System.nanoTime();
            seeder.writeRaw(allocations, contributions);
            Log.line("  written in %.1f s", (System.nanoTime() - t0) / 1e9);

            Log.line("drill-down: %d dashboard reads", settings.drilldownRequests());
            phase(
                    results,
                    "drilldown",
                    () -> new Drilldown(settings, api, tree, seeder, allocations, contributions).run(results));

            Log.line("ledger export: the whole city's allocation ledger");
            phase(results, "ledger_export", () -> new LedgerExport(settings, api).run(results));

            EventLatency latency = new EventLatency(settings, api, tree, seeder, kafka);
            Log.line("event → dashboard at 20 events/s for %d s", settings.latencySeconds());
            phase(results, "event_to_dashboard", () -> latency.run(results, 20, ""));
            Log.line("event → dashboard at 200 events/s for %d s", settings.latencySeconds());
            phase(results, "event_to_dashboard_200", () -> latency.run(results, 200, "_200_per_s"));

            kafka.awaitNoLag(1_800, "before the rebuild");
            held = kafka.eventsHeld();
            if (held < settings.rebuildEvents()) {
                long more = settings.rebuildEvents() - held;
                Log.line("topping up %,d events before the rebuild", more);
                seeder.publishActivities(more);
                kafka.awaitNoLag(5_400, "top-up");
                held = kafka.eventsHeld();
            }
            long heldForRebuild = held;
            Log.line("rebuild");
            phase(results, "rebuild", () -> new Rebuild(settings, api, tree).run(results, heldForRebuild));
        }
        if (settings.upLast() && !settings.skipUp()) {
            rss(platform, results, "platform_total_rss_mb", "rss_after_load");
            timeUp(platform, results);
            rss(platform, results, "platform_idle_rss_mb", "rss_idle");
        }
    }

    private static void timeUp(PlatformControl platform, Results results) {
        Log.line("platform: ./platform down, then ./platform up --detach until ./platform status exits 0");
        PlatformControl.UpTime up = platform.downThenUp(1_800);
        if (up.seconds() == null) {
            results.unmeasured("platform_up_warm_s", up.failure());
        } else {
            results.put("platform_up_warm_s", Stats.round(up.seconds(), 1));
            Log.line("  ready after %.1f s", up.seconds());
        }
    }

    private interface Phase {
        void run() throws Exception;
    }

    private static void phase(Results results, String name, Phase phase) {
        try {
            phase.run();
        } catch (Exception e) {
            results.note("phase " + name + " failed: " + e);
            Log.failure("phase " + name + " failed", e);
        }
    }

    private static void rss(PlatformControl platform, Results results, String key, String detail) {
        Map<String, Double> rss = platform.rssByComponent();
        double total = rss.values().stream().mapToDouble(Double::doubleValue).sum();
        results.put(key, Stats.round(total, 1));
        results.detail(detail, rss);
    }

    /** Every required figure is in the JSON, null with a reason when no phase produced it. */
    private static void ensureKeys(Results results) {
        for (String key : new String[] {
            "gateway_added_p50_ms",
            "gateway_added_p99_ms",
            "event_to_dashboard_p50_ms",
            "event_to_dashboard_p99_ms",
            "event_to_dashboard_p50_ms_200_per_s",
            "event_to_dashboard_p99_ms_200_per_s",
            "drilldown_p95_ms",
            "drilldown_speedup_vs_aggregation",
            "updater_events_per_s",
            "rebuild_1m_events_s",
            "platform_up_warm_s",
            "platform_total_rss_mb"
        }) {
            if (!results.figures.containsKey(key)) {
                results.unmeasured(key, "the run stopped before this figure (see notes)");
            }
        }
    }
}
