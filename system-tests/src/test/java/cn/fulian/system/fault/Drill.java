package cn.fulian.system.fault;

import static cn.fulian.system.PlatformApi.eventually;
import static cn.fulian.system.PlatformApi.eventuallyFound;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The drill's plan and its check, for the tests that run the real platform under stress: a fresh far-future year with
 * one task, allocated by the city to two districts, 鼓楼 passing part of its share on to 鼓东; the two districts and the
 * township record training activities toward it ({@link #writes()}); the leaders' dashboard must equal what the test
 * computed from the activities the platform accepted ({@link #assertDashboardEqualsGroundTruth}).
 */
public final class Drill {

    public static final String CITY = "350100";
    public static final String GULOU = "350100/350102";
    public static final String CANGSHAN = "350100/350104";
    public static final String GUDONG = "350100/350102/350102001";
    static final BigDecimal CITY_TARGET = BigDecimal.valueOf(100_000);
    static final BigDecimal GULOU_TARGET = BigDecimal.valueOf(60_000);
    static final BigDecimal CANGSHAN_TARGET = BigDecimal.valueOf(40_000);
    /** 鼓楼 passes this much on to 鼓东 and keeps the rest itself (本级保留). */
    static final BigDecimal GUDONG_TARGET = BigDecimal.valueOf(20_000);

    private static final Duration EVENTUALLY = Duration.ofSeconds(60);

    private final Gateway gateway;
    private final String label;
    private final String title;
    private int year;
    private String taskId;
    private GroundTruth truth;
    private ActivityWrites writes;
    private int retriedServerErrors;

    private Drill(Gateway gateway, String label, String title) {
        this.gateway = gateway;
        this.label = label;
        this.title = title;
    }

    /**
     * Publishes the drill's plan in an unused year, allocates it and waits until every writer may link activities.
     *
     * @param label the test's tag in the build output
     * @param title the plan's title after its year, e.g. 故障演练工作要点
     */
    public static Drill prepare(Gateway gateway, String label, String title) throws Exception {
        Drill drill = new Drill(gateway, label, title);
        drill.year = drill.unusedYear();
        String run = Long.toString(System.currentTimeMillis(), 36);
        drill.publishPlanAndAllocate(run);
        List<Writer> writers = List.of(
                new Writer("gulou-staff", GULOU, drill.linkableAssignment("gulou-staff", GULOU)),
                new Writer("cangshan-staff", CANGSHAN, drill.linkableAssignment("cangshan-staff", CANGSHAN)),
                new Writer("gudong-staff", GUDONG, drill.linkableAssignment("gudong-staff", GUDONG)));
        drill.truth = new GroundTruth(
                Map.of(CITY, CITY_TARGET, GULOU, GULOU_TARGET, CANGSHAN, CANGSHAN_TARGET, GUDONG, GUDONG_TARGET),
                List.of(CITY, GULOU, CANGSHAN, GUDONG));
        drill.writes = new ActivityWrites(gateway, drill.truth, writers, drill.year, run);
        return drill;
    }

    public int year() {
        return year;
    }

    public String taskId() {
        return taskId;
    }

    public GroundTruth truth() {
        return truth;
    }

    public ActivityWrites writes() {
        return writes;
    }

    /** Dashboard reads that answered 5xx and were asked again. */
    public int retriedServerErrors() {
        return retriedServerErrors;
    }

    /** A far-future year no plan uses yet, different from run to run. */
    int unusedYear() throws Exception {
        int start = 2050 + (int) ((System.currentTimeMillis() / 60_000) % 50);
        for (int i = 0; i < 50; i++) {
            int candidate = 2050 + (start - 2050 + i) % 50;
            JsonNode plans = gateway.getJson("city-staff", "/api/planning/plans?year=" + candidate);
            if (plans.path("items").isEmpty()) {
                return candidate;
            }
        }
        throw new IllegalStateException("every year from 2050 to 2099 has a plan");
    }

    void publishPlanAndAllocate(String run) throws Exception {
        Map<String, Object> indicator =
                Map.of("name", "培训妇女", "unit", "人次", "kind", "COUNT", "direction", "AT_LEAST", "target", CITY_TARGET);
        Map<String, Object> task = Map.of(
                "workArea", "服务妇女发展", "title", "全年培训妇女100000人次", "dueDate", year + "-12-31", "indicator", indicator);
        Map<String, Object> plan = Map.of(
                "year",
                year,
                "title",
                year + "年" + title + " " + run,
                "workAreas",
                List.of("服务妇女发展"),
                "tasks",
                List.of(task));
        JsonNode created = gateway.postJson("city-staff", "/api/planning/plans", plan);
        String planId = created.path("id").asString();
        taskId = created.path("tasks").get(0).path("id").asString();
        gateway.postJson("city-staff", "/api/planning/plans/" + planId + "/publish", Map.of());

        JsonNode cityAssignment = null;
        for (JsonNode a : gateway.getJson("city-staff", "/api/planning/assignments?year=" + year)
                .path("items")) {
            if (taskId.equals(a.path("taskId").asString())) {
                cityAssignment = a;
            }
        }
        assertThat(cityAssignment)
                .as("the city's own assignment of task %s", taskId)
                .isNotNull();
        gateway.postJson(
                "city-staff",
                "/api/planning/assignments/" + cityAssignment.path("id").asString() + "/allocations",
                Map.of(
                        "allocations",
                        List.of(
                                Map.of("unitCode", "350102", "target", GULOU_TARGET),
                                Map.of("unitCode", "350104", "target", CANGSHAN_TARGET))),
                "\"" + cityAssignment.path("version").asLong() + "\"");

        // 鼓楼 acknowledges, gives 鼓东 its share and keeps the rest: each unit counts its own work toward its own
        String gulouAssignment = ownAssignment("gulou-staff");
        gateway.postJson("gulou-staff", "/api/planning/assignments/" + gulouAssignment + "/acknowledge", Map.of());
        gateway.postJson(
                "gulou-staff",
                "/api/planning/assignments/" + gulouAssignment + "/allocations",
                Map.of(
                        "allocations",
                        List.of(Map.of("unitCode", "350102001", "target", GUDONG_TARGET)),
                        "retained",
                        GULOU_TARGET.subtract(GUDONG_TARGET)),
                "\""
                        + gateway.getJson("gulou-staff", "/api/planning/assignments/" + gulouAssignment)
                                .path("version")
                                .asLong()
                        + "\"");
    }

    /** The user's own assignment of the drill's task, once planning has written it. */
    String ownAssignment(String user) throws Exception {
        return eventuallyFound(EVENTUALLY, () -> {
            for (JsonNode a : gateway.getJson(user, "/api/planning/assignments?year=" + year)
                    .path("items")) {
                if (taskId.equals(a.path("taskId").asString())) {
                    return a.path("id").asString();
                }
            }
            throw new AssertionError(user + " never saw its assignment of task " + taskId);
        });
    }

    /** The assignment of {@code unitPath} the user's training activities may count toward, once activity knows it. */
    String linkableAssignment(String user, String unitPath) throws Exception {
        return eventuallyFound(EVENTUALLY, () -> {
            JsonNode linkable =
                    gateway.getJson(user, "/api/activities/assignments/linkable?year=" + year + "&type=TRAINING");
            for (JsonNode a : linkable) {
                boolean feeds = false;
                for (JsonNode m : a.path("feedingMetrics")) {
                    feeds |= "participants".equals(m.asString());
                }
                if (taskId.equals(a.path("taskId").asString())
                        && unitPath.equals(a.path("unitPath").asString())
                        && feeds) {
                    return a.path("assignmentId").asString();
                }
            }
            throw new AssertionError(
                    "activity-service never offered " + user + " the assignment of " + unitPath + ": " + linkable);
        });
    }

    /** Waits up to a minute for the dashboard to equal the ground truth. */
    public void assertDashboardEqualsGroundTruth(String when) throws Exception {
        Map<String, String> expected = truth.expectedFigures();
        eventually(
                EVENTUALLY,
                () -> assertThat(dashboardFigures())
                        .as(
                                "dashboard %s (task %s, year %d) vs the %d activities accepted",
                                when, taskId, year, truth.counted().size())
                        .isEqualTo(expected));
    }

    /** Target and actual of the task for the city and its two districts (city's dashboard) and the township. */
    public Map<String, String> dashboardFigures() throws Exception {
        Map<String, String> figures = new TreeMap<>();
        JsonNode city = dashboard(CITY);
        figures.put(CITY, figure(city.path("tasks")));
        JsonNode gulou = dashboard(GULOU);
        // the children the dashboards list, each with its rows as asked for when it is opened
        for (JsonNode child : city.path("children")) {
            String path = child.path("unit").path("path").asString();
            if (path.equals(GULOU) || path.equals(CANGSHAN)) {
                figures.put(path, figure(rows(path)));
            }
        }
        for (JsonNode child : gulou.path("children")) {
            if (GUDONG.equals(child.path("unit").path("path").asString())) {
                figures.put(GUDONG, figure(rows(GUDONG)));
            }
        }
        for (String unit : List.of(GULOU, CANGSHAN, GUDONG)) {
            figures.putIfAbsent(unit, "not on the dashboard");
        }
        return figures;
    }

    String figure(JsonNode rows) {
        for (JsonNode row : rows) {
            if (taskId.equals(row.path("taskId").asString())) {
                return GroundTruth.figure(decimal(row.path("target")), decimal(row.path("actual")));
            }
        }
        return "no row for the task";
    }

    BigDecimal decimal(JsonNode n) {
        return n.isMissingNode() || n.isNull() ? null : n.decimalValue();
    }

    /**
     * The dashboard as a leader reads it. A 5xx answer is tried again twice: the gateway can pick a pooled connection
     * the service is closing at that moment (reported separately); three in a row fail the test at once, not after
     * the wait for the figures.
     */
    public JsonNode dashboard(String unit) throws Exception {
        return leaderRead("/api/reports/dashboard?unit=" + unit + "&year=" + year);
    }

    /** A unit's own task rows as a leader asks for them from its parent's dashboard. */
    JsonNode rows(String unit) throws Exception {
        return leaderRead("/api/reports/dashboard/rows?unit=" + unit + "&year=" + year)
                .path("tasks");
    }

    private JsonNode leaderRead(String path) throws Exception {
        HttpResponse<String> response = gateway.get("leader", path);
        for (int retry = 0; retry < 2 && response.statusCode() >= 500; retry++) {
            retriedServerErrors++;
            System.out.println("[" + label + "] " + path + " answered " + response.statusCode() + ", asking again: "
                    + response.body());
            Thread.sleep(1_000);
            response = gateway.get("leader", path);
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException(
                    "GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return Gateway.JSON.readTree(response.body());
    }

    /** The whole dashboard JSON but the instant it was read. */
    public JsonNode dashboardWithoutClock(String unit) throws Exception {
        ObjectNode d = (ObjectNode) dashboard(unit);
        d.remove("asOf");
        return d;
    }
}
