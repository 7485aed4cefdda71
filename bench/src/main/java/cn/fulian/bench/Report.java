package cn.fulian.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Writes {@code latest.json} (figures, machine, date, settings) and the readable {@code latest.md}. */
final class Report {

    /** A target: the figure, the bound, and whether lower or higher is better. */
    record Target(String key, String what, double bound, boolean atMost, String unit) {
        Boolean met(Double v) {
            return v == null ? null : atMost ? v <= bound : v >= bound;
        }
    }

    static final List<Target> TARGETS = List.of(
            new Target("gateway_added_p50_ms", "gateway adds, p50 (200 req/s)", 1, true, "ms"),
            new Target("gateway_added_p99_ms", "gateway adds, p99 (200 req/s)", 5, true, "ms"),
            new Target("event_to_dashboard_p50_ms", "event → dashboard, p50 at 20 events/s", 150, true, "ms"),
            new Target("event_to_dashboard_p99_ms", "event → dashboard, p99 at 20 events/s", 1000, true, "ms"),
            new Target(
                    "event_to_dashboard_p99_ms_200_per_s", "event → dashboard, p99 at 200 events/s", 250, true, "ms"),
            new Target("drilldown_p95_ms", "drill-down dashboard read, p95", 50, true, "ms"),
            new Target("drilldown_speedup_vs_aggregation", "drill-down vs read-time aggregation", 50, false, "×"),
            new Target("updater_events_per_s", "read-model updater, activities", 3000, false, "events/s"),
            new Target("rebuild_1m_events_s", "rebuild of 1,000,000 events", 300, true, "s"),
            new Target("platform_total_rss_mb", "total RSS through the run", 4096, true, "MB"),
            new Target(
                    "ledger_export_heap_peak_mb",
                    "full ledger export: reporting heap used at most (of its -Xmx)",
                    384,
                    true,
                    "MB"));

    static void write(Path dir, Map<String, Object> json, Results results, String md) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("latest.json"), render(json) + "\n");
        Files.writeString(dir.resolve("latest.md"), md);
    }

    static String render(Map<String, Object> json) {
        return JsonMapper.builder()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .build()
                .writeValueAsString(json);
    }

    static Map<String, Object> json(
            Results results,
            Map<String, Object> machine,
            String date,
            Map<String, Object> settings,
            double runSeconds) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.putAll(results.figures);
        out.put("machine", machine);
        out.put("date", date);
        out.put("run_seconds", Math.round(runSeconds));
        out.put("settings", settings);
        out.put("unmeasured", results.unmeasured);
        out.put("details", results.details);
        out.put("notes", results.notes);
        return out;
    }

    static String markdown(
            Results results,
            Map<String, Object> machine,
            String date,
            Map<String, Object> settings,
            double runSeconds) {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmark results\n\n");
        md.append("Run ")
                .append(date)
                .append(", ")
                .append(Math.round(runSeconds))
                .append(" s, mode ")
                .append(settings.get("mode"))
                .append(".\n\n");
        md.append("## Machine\n\n| | |\n|---|---|\n");
        machine.forEach(
                (k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        md.append("\n## Targets\n\n| figure | measured | target | met |\n|---|---|---|---|\n");
        for (Target t : TARGETS) {
            Double v = results.number(t.key());
            String measured = v == null
                    ? "not measured: " + results.unmeasured.getOrDefault(t.key(), "no value")
                    : fmt(v) + " " + t.unit();
            Boolean met = t.met(v);
            md.append("| ")
                    .append(t.what())
                    .append(" | ")
                    .append(measured)
                    .append(" | ")
                    .append(t.atMost() ? "≤ " : "≥ ")
                    .append(fmt(t.bound()))
                    .append(" ")
                    .append(t.unit())
                    .append(" | ")
                    .append(met == null ? "—" : met ? "yes" : "**no**")
                    .append(" |\n");
        }
        md.append("\n## All figures\n\n| key | value |\n|---|---|\n");
        results.figures.forEach((k, v) -> md.append("| `")
                .append(k)
                .append("` | ")
                .append(v == null ? "null — " + results.unmeasured.get(k) : v instanceof Double d ? fmt(d) : v)
                .append(" |\n"));
        md.append("\n## How each figure was measured\n\n");
        results.details.forEach((k, v) ->
                md.append("- **").append(k).append("**: ").append(describe(v)).append("\n"));
        if (!results.notes.isEmpty()) {
            md.append("\n## Notes\n\n");
            results.notes.forEach(n -> md.append("- ").append(n).append("\n"));
        }
        md.append("\n## Settings\n\n| | |\n|---|---|\n");
        settings.forEach(
                (k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        return md.toString();
    }

    private static String describe(Object v) {
        if (v instanceof Map<?, ?> m) {
            StringBuilder b = new StringBuilder();
            m.forEach((k, x) ->
                    b.append(b.isEmpty() ? "" : "; ").append(k).append(": ").append(describe(x)));
            return b.toString();
        }
        return String.valueOf(v);
    }

    static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.format("%,d", (long) v);
        }
        return String.format("%,.2f", v);
    }
}
