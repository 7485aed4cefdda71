package cn.fulian.bench;

import java.nio.file.Path;
import java.time.Year;
import java.util.LinkedHashMap;
import java.util.Map;

/** Sizes and addresses of one run; every size is a flag so a smoke run is quick. */
record Settings(
        boolean small,
        Path root,
        Path out,
        boolean skipUp,
        boolean upLast,
        boolean leaveRunning,
        int year,
        int tasks,
        int districts,
        int townships,
        int villages,
        int gatewaySeconds,
        int gatewayRate,
        int drilldownRequests,
        int aggregationUnits,
        int latencySeconds,
        int updaterEvents,
        long rebuildEvents,
        String gateway,
        String reporting,
        String keycloak,
        String kafka,
        String mongo) {

    static final String USAGE = """
            usage: java -jar bench/target/bench.jar [--small] [options]
              --small                 smoke sizes: 2 districts x 3 townships x 4 villages, 10 tasks, 20,000 events
              --root DIR              checkout whose ./platform is timed and measured (default .)
              --out DIR               where latest.json and latest.md go (default <root>/bench/results)
              --skip-up               do not time ./platform down + up --detach (use the running platform)
              --up-last               time the warm start at the end, after the load (memory is read before it)
              --leave-running         leave the platform running at the end (default: ./platform down)
              --year N                plan year of the seeded data (default this year)
              --tasks N               tasks in the seeded plan (default 200)
              --districts N --townships N --villages N
                                      tree shape: districts under the city, townships per district, villages per
                                      township (default 13, 13, 17: about 3,000 units)
              --gateway-seconds N --gateway-rate N
                                      gateway overhead run: seconds per path and requests per second (40, 200)
              --drilldown-requests N  dashboard reads for the drill-down figure (default 300)
              --aggregation-units N   units the read-time aggregation is timed for (default 12)
              --latency-seconds N     seconds of each event-to-dashboard run, at 20 and 200 events/s (default 30)
              --updater-events N      ActivityRecorded events for the updater figure (default 50,000)
              --rebuild-events N      events the topics hold before the rebuild, topped up if fewer (default 1,000,000)
            Addresses (defaults are the platform's): --gateway URL --reporting URL --keycloak URL --kafka HOST:PORT
              --mongo URI
            """;

    static Settings parse(String[] args) {
        Map<String, String> flags = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + a);
            }
            String name = a.substring(2);
            if (name.equals("small")
                    || name.equals("skip-up")
                    || name.equals("up-last")
                    || name.equals("leave-running")
                    || name.equals("help")) {
                flags.put(name, "true");
            } else {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(a + " needs a value");
                }
                flags.put(name, args[++i]);
            }
        }
        if (flags.containsKey("help")) {
            return null;
        }
        boolean small = flags.containsKey("small");
        Path root = Path.of(flags.getOrDefault("root", ".")).toAbsolutePath().normalize();
        Path out = flags.containsKey("out")
                ? Path.of(flags.get("out")).toAbsolutePath()
                : root.resolve("bench").resolve("results");
        Settings s = new Settings(
                small,
                root,
                out,
                flags.containsKey("skip-up"),
                flags.containsKey("up-last"),
                flags.containsKey("leave-running"),
                intFlag(flags, "year", Year.now().getValue()),
                intFlag(flags, "tasks", small ? 10 : 200),
                intFlag(flags, "districts", small ? 2 : 13),
                intFlag(flags, "townships", small ? 3 : 13),
                intFlag(flags, "villages", small ? 4 : 17),
                intFlag(flags, "gateway-seconds", small ? 6 : 40),
                intFlag(flags, "gateway-rate", 200),
                intFlag(flags, "drilldown-requests", small ? 60 : 300),
                intFlag(flags, "aggregation-units", small ? 4 : 12),
                intFlag(flags, "latency-seconds", small ? 5 : 30),
                intFlag(flags, "updater-events", small ? 5_000 : 50_000),
                Long.parseLong(flags.getOrDefault("rebuild-events", small ? "20000" : "1000000")),
                flags.getOrDefault("gateway", "http://127.0.0.1:8080"),
                flags.getOrDefault("reporting", "http://127.0.0.1:8084"),
                flags.getOrDefault("keycloak", "http://127.0.0.1:8180"),
                flags.getOrDefault("kafka", "127.0.0.1:9092"),
                flags.getOrDefault("mongo", "mongodb://127.0.0.1:27017"));
        if (s.districts() < 1 || s.districts() > 99) {
            throw new IllegalArgumentException("--districts must be 1..99");
        }
        if (s.townships() < 1 || s.townships() > 99 || s.villages() < 1 || s.villages() > 999) {
            throw new IllegalArgumentException("--townships must be 1..99 and --villages 1..999");
        }
        return s;
    }

    private static int intFlag(Map<String, String> flags, String name, int fallback) {
        String v = flags.get(name);
        return v == null ? fallback : Integer.parseInt(v.replace("_", "").replace(",", ""));
    }

    /** Whether every size is the full default. */
    boolean isFullSize() {
        return !small
                && tasks == 200
                && districts == 13
                && townships == 13
                && villages == 17
                && updaterEvents >= 50_000
                && rebuildEvents >= 1_000_000
                && latencySeconds >= 30
                && gatewaySeconds >= 40
                && drilldownRequests >= 300;
    }

    /** What the report shows under "settings". */
    Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mode", small ? "small" : isFullSize() ? "full" : "reduced (sizes set by flags)");
        m.put("year", year);
        m.put("tasks", tasks);
        m.put("districts", districts);
        m.put("townships_per_district", townships);
        m.put("villages_per_township", villages);
        m.put("gateway_seconds_per_path", gatewaySeconds);
        m.put("gateway_rate_per_s", gatewayRate);
        m.put("drilldown_requests", drilldownRequests);
        m.put("aggregation_units", aggregationUnits);
        m.put("latency_seconds_per_rate", latencySeconds);
        m.put("updater_events", updaterEvents);
        m.put("rebuild_events_min", rebuildEvents);
        m.put("platform_up_timed", !skipUp);
        m.put("gateway", gateway);
        m.put("reporting", reporting);
        m.put("keycloak", keycloak);
        m.put("kafka", kafka);
        m.put("mongo", mongo);
        return m;
    }
}
