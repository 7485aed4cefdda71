package cn.fulian.system.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * What the annual-cycle test wrote, and the dashboard that follows from it by the rules the reporting README states,
 * computed here without the platform: a unit's actual is the sum over its subtree of what activities count toward the
 * task (amendments replace, voids remove), a rate is numerator over denominator, the plan year is past so every task
 * is due (expected = target, projection = actual, not done = OVERDUE), and every report is late.
 */
final class GroundTruth {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    record Key(String task, String unit) {}

    private record Contribution(String unit, BigDecimal amount, BigDecimal denominator) {}

    private static final class Report {
        String status;
        BigDecimal value;
        BigDecimal approvedValue;
    }

    private final Map<String, String> kinds = new LinkedHashMap<>();
    private final Map<String, LocalDate> dueDates = new LinkedHashMap<>();
    private final Map<Key, BigDecimal> targets = new LinkedHashMap<>();
    private final Set<Key> acknowledged = new HashSet<>();
    /** activity key → task key → what the activity currently counts toward the task. */
    private final Map<String, Map<String, Contribution>> contributions = new LinkedHashMap<>();

    private final Map<Key, TreeMap<String, Report>> reports = new LinkedHashMap<>();

    void task(String task, String kind, LocalDate due) {
        kinds.put(task, kind);
        dueDates.put(task, due);
    }

    void assign(String task, String unit, String target, boolean acknowledgedAlready) {
        targets.put(new Key(task, unit), new BigDecimal(target));
        if (acknowledgedAlready) {
            acknowledged.add(new Key(task, unit));
        }
    }

    void acknowledged(String task, String unit) {
        acknowledged.add(new Key(task, unit));
    }

    String assignmentId(String task, String unit) {
        String taskId = AnnualCycleTest.taskIds.get(task);
        assertThat(taskId).as("task %s", task).isNotNull();
        return "asg-" + taskId + "-" + unit.substring(unit.lastIndexOf('/') + 1);
    }

    /** The activity now counts {@code amount} (over {@code denominator} for a rate) toward the task: replaces. */
    void contribute(String activity, String unit, String task, String amount, String denominator) {
        contributions
                .computeIfAbsent(activity, k -> new LinkedHashMap<>())
                .put(task, contribution(unit, amount, denominator));
    }

    void contributeAlso(String activity, String unit, String task, String amount, String denominator) {
        contribute(activity, unit, task, amount, denominator);
    }

    private static Contribution contribution(String unit, String amount, String denominator) {
        return new Contribution(unit, new BigDecimal(amount), denominator == null ? null : new BigDecimal(denominator));
    }

    void voidActivity(String activity) {
        contributions.remove(activity);
    }

    void report(String task, String unit, String period, String status, String value) {
        Report r = reports.computeIfAbsent(new Key(task, unit), k -> new TreeMap<>())
                .computeIfAbsent(period, p -> new Report());
        r.status = status;
        r.value = new BigDecimal(value);
    }

    void approve(String unit, String taskId, String period) {
        Report r = reportOf(unit, taskId, period);
        r.status = "APPROVED";
        r.approvedValue = r.value;
    }

    void giveBack(String unit, String taskId, String period) {
        reportOf(unit, taskId, period).status = "RETURNED";
    }

    private Report reportOf(String unit, String taskId, String period) {
        String task = AnnualCycleTest.taskIds.entrySet().stream()
                .filter(e -> e.getValue().equals(taskId))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow();
        Report r = reports.getOrDefault(new Key(task, unit), new TreeMap<>()).get(period);
        assertThat(r)
                .as("report %s %s %s written by the test", task, unit, period)
                .isNotNull();
        return r;
    }

    // --- the dashboard that follows ----------------------------------------------------------------------------------

    /** Every figure of one unit's dashboard for the plan year. */
    /**
     * @param childRows a child's full rows, asked for as the console asks when a child is opened (the dashboard itself
     *     carries a summary per child, checked against the same figures)
     */
    void assertDashboard(
            JsonNode dashboard,
            String unit,
            int year,
            List<String> registryChildren,
            Function<String, JsonNode> childRows) {
        assertThat(dashboard.path("unit").path("path").asString()).isEqualTo(unit);
        assertThat(dashboard.path("year").asInt()).isEqualTo(year);

        assertThat(rows(dashboard.path("tasks"))).as("task rows of %s", unit).isEqualTo(expectedRows(unit));

        List<String> childPaths = new ArrayList<>();
        dashboard
                .path("children")
                .forEach(c -> childPaths.add(c.path("unit").path("path").asString()));
        assertThat(childPaths).as("children of %s", unit).isEqualTo(registryChildren);
        Map<String, String> scores = new TreeMap<>();
        for (JsonNode child : dashboard.path("children")) {
            String path = child.path("unit").path("path").asString();
            List<Map<String, String>> expected = expectedRows(path);
            JsonNode rows = childRows.apply(path);
            assertThat(rows(rows)).as("rows of child %s on %s", path, unit).isEqualTo(expected);
            Map<String, String> summary = new TreeMap<>();
            child.path("completion").properties().forEach(e -> summary.put(e.getKey(), text(e.getValue())));
            Map<String, String> fromRows = new TreeMap<>();
            rows.forEach(r -> fromRows.put(r.path("taskId").asString(), text(r.path("completionPercent"))));
            assertThat(summary)
                    .as("completion per task of child %s on %s", path, unit)
                    .isEqualTo(fromRows);
            BigDecimal score = score(path);
            assertThat(text(child.path("score"))).as("score of %s", path).isEqualTo(text(score));
            assertThat(statusCounts(child.path("statusCounts")))
                    .as("pace lights of %s", path)
                    .isEqualTo(expectedStatusCounts(path));
            if (score != null) {
                scores.put(path, text(score));
            }
        }

        List<String> ranking = new ArrayList<>();
        dashboard
                .path("rankings")
                .forEach(r -> ranking.add(r.path("rank").asInt() + " "
                        + r.path("unit").path("path").asString() + " " + text(r.path("score"))));
        assertThat(ranking).as("ranking of %s's children", unit).isEqualTo(expectedRanking(scores));

        // the plan year's cases: none were registered in it
        assertThat(dashboard.path("rights").path("received").asLong()).isZero();
        assertThat(dashboard.path("childRights").size()).isEqualTo(registryChildren.size());
        dashboard
                .path("childRights")
                .forEach(r -> assertThat(r.path("received").asLong()).isZero());

        assertThat(completeness(dashboard.path("reporting")))
                .as("report completeness of %s", unit)
                .isEqualTo(expectedCompleteness(unit, year));
    }

    private List<Map<String, String>> expectedRows(String unit) {
        List<Map<String, String>> rows = new ArrayList<>();
        targets.keySet().stream()
                .filter(k -> k.unit().equals(unit))
                .sorted(Comparator.comparing(k -> AnnualCycleTest.taskIds.get(k.task())))
                .forEach(k -> rows.add(expectedRow(k)));
        return rows;
    }

    private Map<String, String> expectedRow(Key key) {
        String kind = kinds.get(key.task());
        BigDecimal target = targets.get(key);
        BigDecimal numerator = BigDecimal.ZERO;
        BigDecimal denominator = BigDecimal.ZERO;
        for (Map<String, Contribution> byTask : contributions.values()) {
            Contribution c = byTask.get(key.task());
            if (c != null && (c.unit().equals(key.unit()) || c.unit().startsWith(key.unit() + "/"))) {
                numerator = numerator.add(c.amount());
                if (c.denominator() != null) {
                    denominator = denominator.add(c.denominator());
                }
            }
        }
        boolean rate = "RATE".equals(kind);
        BigDecimal actual = rate ? (denominator.signum() == 0 ? null : percent(numerator, denominator)) : numerator;
        BigDecimal completion = actual == null || target.signum() == 0 ? null : percent(actual, target);
        boolean done = actual != null && actual.compareTo(target) >= 0;

        Map<String, String> row = new LinkedHashMap<>();
        row.put("taskId", AnnualCycleTest.taskIds.get(key.task()));
        row.put("kind", kind);
        row.put("assignmentId", assignmentId(key.task(), key.unit()));
        row.put("target", text(target));
        row.put("actual", text(actual));
        row.put("actualNumerator", text(numerator));
        row.put("actualDenominator", rate ? text(denominator) : null);
        TreeMap<String, Report> byPeriod = reports.getOrDefault(key, new TreeMap<>());
        String reportedPeriod = null;
        String approvedPeriod = null;
        for (Map.Entry<String, Report> e : byPeriod.entrySet()) {
            if (!"RETURNED".equals(e.getValue().status)) {
                reportedPeriod = e.getKey();
            }
            if ("APPROVED".equals(e.getValue().status)) {
                approvedPeriod = e.getKey();
            }
        }
        row.put("reported", reportedPeriod == null ? null : text(byPeriod.get(reportedPeriod).value));
        row.put("reportedPeriod", reportedPeriod);
        row.put("approved", approvedPeriod == null ? null : text(byPeriod.get(approvedPeriod).approvedValue));
        row.put("approvedPeriod", approvedPeriod);
        row.put("completionPercent", text(completion));
        row.put("expectedByNow", actual == null ? null : text(target));
        // a rate with nothing measured has no value yet: grey, not overdue
        row.put("paceStatus", actual == null ? "NO_DATA" : done ? "GREEN" : "OVERDUE");
        row.put("projected", text(actual));
        row.put("dueDate", dueDates.get(key.task()).toString());
        row.put("acknowledged", Boolean.toString(acknowledged.contains(key)));
        return row;
    }

    private static List<Map<String, String>> rows(JsonNode tasks) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (JsonNode t : tasks) {
            Map<String, String> row = new LinkedHashMap<>();
            for (String field : List.of(
                    "taskId",
                    "kind",
                    "assignmentId",
                    "target",
                    "actual",
                    "actualNumerator",
                    "actualDenominator",
                    "reported",
                    "reportedPeriod",
                    "approved",
                    "approvedPeriod",
                    "completionPercent",
                    "expectedByNow",
                    "paceStatus",
                    "projected",
                    "dueDate")) {
                row.put(field, text(t.path(field)));
            }
            row.put(
                    "acknowledged",
                    Boolean.toString(!t.path("acknowledgedAt").isNull()
                            && !t.path("acknowledgedAt").isMissingNode()));
            rows.add(row);
        }
        return rows;
    }

    private BigDecimal score(String unit) {
        List<BigDecimal> values = new ArrayList<>();
        for (Map<String, String> row : expectedRows(unit)) {
            if (row.get("completionPercent") != null) {
                values.add(new BigDecimal(row.get("completionPercent")).min(HUNDRED));
            }
        }
        if (values.isEmpty()) {
            return null;
        }
        return values.stream()
                .reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(values.size()), 1, RoundingMode.HALF_UP);
    }

    private Map<String, Long> expectedStatusCounts(String unit) {
        Map<String, Long> counts =
                new TreeMap<>(Map.of("GREEN", 0L, "YELLOW", 0L, "RED", 0L, "OVERDUE", 0L, "NO_DATA", 0L));
        expectedRows(unit).forEach(r -> counts.merge(r.get("paceStatus"), 1L, Long::sum));
        return counts;
    }

    private static Map<String, Long> statusCounts(JsonNode node) {
        Map<String, Long> counts = new TreeMap<>();
        node.properties().forEach(e -> counts.put(e.getKey(), e.getValue().asLong()));
        return counts;
    }

    private static List<String> expectedRanking(Map<String, String> scores) {
        List<Map.Entry<String, String>> ranked = new ArrayList<>(scores.entrySet());
        ranked.sort(Comparator.comparing((Map.Entry<String, String> e) -> new BigDecimal(e.getValue()))
                .reversed()
                .thenComparing(Map.Entry::getKey));
        List<String> out = new ArrayList<>();
        int rank = 0;
        for (int i = 0; i < ranked.size(); i++) {
            boolean tie = i > 0
                    && new BigDecimal(ranked.get(i - 1).getValue())
                                    .compareTo(new BigDecimal(ranked.get(i).getValue()))
                            == 0;
            rank = tie ? rank : i + 1;
            out.add(rank + " " + ranked.get(i).getKey() + " " + ranked.get(i).getValue());
        }
        return out;
    }

    private List<String> expectedCompleteness(String unit, int year) {
        long expected = targets.keySet().stream()
                .filter(k -> !k.unit().equals(AnnualCycleTest.CITY) && inSubtree(k.unit(), unit))
                .count();
        List<String> out = new ArrayList<>();
        for (int q = 1; q <= 4; q++) {
            String period = year + "-Q" + q;
            long submitted = 0;
            long approved = 0;
            for (Map.Entry<Key, TreeMap<String, Report>> e : reports.entrySet()) {
                Report r = e.getValue().get(period);
                if (r == null || !inSubtree(e.getKey().unit(), unit)) {
                    continue;
                }
                if (!"RETURNED".equals(r.status)) {
                    submitted++;
                }
                if ("APPROVED".equals(r.status)) {
                    approved++;
                }
            }
            LocalDate due = LocalDate.of(year, q * 3, 1).plusMonths(1).withDayOfMonth(5);
            // every report of a past year came in after its due date
            out.add(period + " due " + due + " expected " + expected + " submitted " + submitted + " onTime 0 approved "
                    + approved + " completeness "
                    + (expected == 0
                            ? null
                            : text(percent(BigDecimal.valueOf(submitted), BigDecimal.valueOf(expected))))
                    + " timeliness " + (expected == 0 ? null : "0"));
        }
        return out;
    }

    private static List<String> completeness(JsonNode reporting) {
        List<String> out = new ArrayList<>();
        for (JsonNode p : reporting) {
            out.add(p.path("period").asString() + " due " + p.path("dueDate").asString() + " expected "
                    + p.path("expected").asLong() + " submitted "
                    + p.path("submitted").asLong() + " onTime "
                    + p.path("onTime").asLong() + " approved "
                    + p.path("approved").asLong() + " completeness "
                    + text(p.path("completenessPercent")) + " timeliness " + text(p.path("timelinessPercent")));
        }
        return out;
    }

    private static boolean inSubtree(String path, String root) {
        return path.equals(root) || path.startsWith(root + "/");
    }

    static BigDecimal percent(BigDecimal a, BigDecimal b) {
        return a.multiply(HUNDRED).divide(b, 1, RoundingMode.HALF_UP);
    }

    /** Numbers compared by value (60 equals 60.00), everything else as text; null for null or missing. */
    static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal d) {
            return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
        }
        JsonNode node = (JsonNode) value;
        if (node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isNumber()) {
            return text(node.decimalValue());
        }
        return node.asString();
    }
}
