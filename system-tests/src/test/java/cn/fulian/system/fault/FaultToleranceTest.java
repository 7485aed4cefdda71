package cn.fulian.system.fault;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fulian.system.fault.ActivityWrites.Report;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The real platform as processes, under faults: the broker stopped, services killed with SIGKILL, every event
 * delivered twice, two read-model instances in one group, a poison message, a rebuild from zero. After each fault the
 * leaders' dashboard, read through the gateway with a Keycloak token, must equal what the test computed from the
 * activities the platform accepted — nothing lost, nothing counted twice.
 *
 * <p>The plan is a fresh far-future year with one task, allocated by the city to two districts; the two districts and
 * a township below one of them record training activities toward it. The test runs its own Kafka broker and hands it
 * to the launcher with {@code KAFKA_BOOTSTRAP_SERVERS}, so it can stop and start the broker under the running services.
 */
@TestMethodOrder(OrderAnnotation.class)
class FaultToleranceTest {

    private static final Path ROOT =
            Path.of(System.getProperty("platform.root", "..")).toAbsolutePath().normalize();
    private static final Path STATE = Path.of(System.getProperty("platform.fault-state", "target/fault-state"))
            .toAbsolutePath()
            .normalize();

    private static final int KAFKA_PORT = 19092;
    private static final int KAFKA_CONTROLLER_PORT = 19093;
    private static final int SECOND_REPORTING_PORT = 18094;
    private static final String ACTIVITY_TOPIC = "activity.events.v1";
    private static final String DEAD_LETTER_TOPIC = ACTIVITY_TOPIC + ".DLT";
    private static final String READ_MODEL_GROUP = "reporting-service.read-model";

    private static final Duration EVENTUALLY = Duration.ofSeconds(60);
    private static final Duration PAUSE = Duration.ofMillis(300);
    private static final Duration SERVICE_START =
            Duration.ofSeconds(Math.max(180, FaultPlatform.READY_TIMEOUT.toSeconds()));

    private static final String CITY = "350100";
    private static final String GULOU = "350100/350102";
    private static final String CANGSHAN = "350100/350104";
    private static final String GUDONG = "350100/350102/350102001";
    private static final BigDecimal CITY_TARGET = BigDecimal.valueOf(100_000);
    private static final BigDecimal GULOU_TARGET = BigDecimal.valueOf(60_000);
    private static final BigDecimal CANGSHAN_TARGET = BigDecimal.valueOf(40_000);
    /** 鼓楼 passes this much on to 鼓东 and keeps the rest itself (本级保留). */
    private static final BigDecimal GUDONG_TARGET = BigDecimal.valueOf(20_000);

    private static long since;
    private static TestKafka kafka;
    private static FaultPlatform platform;
    private static Gateway gateway;
    private static KafkaInspector inspector;
    private static ServiceProcess reporting;
    private static ServiceProcess activity;
    private static int year;
    private static String taskId;
    private static GroundTruth truth;
    private static ActivityWrites writes;
    private static int retriedServerErrors;

    @BeforeAll
    static void startPlatformAndPublishThePlan() throws Exception {
        since = System.nanoTime();
        Path kafkaDir = STATE.resolve("kafka");
        FaultPlatform.deleteRecursively(kafkaDir);
        kafka = TestKafka.startFresh(kafkaDir, KAFKA_PORT, KAFKA_CONTROLLER_PORT);
        // four partitions, so that two read-model instances each get some of the activity events
        kafka.createTopics(Map.of(ACTIVITY_TOPIC, 4));
        inspector = new KafkaInspector(kafka);

        platform = FaultPlatform.start(ROOT, STATE.resolve("platform"), kafka.bootstrapServers());
        System.out.println("[fault] platform ready in " + platform.startTime().toSeconds() + " s");
        reporting = ServiceProcess.of("reporting-service", platform.pidFile("reporting-service"), platform.logDir());
        activity = ServiceProcess.of("activity-service", platform.pidFile("activity-service"), platform.logDir());
        gateway = new Gateway(FaultPlatform.GATEWAY_PORT, FaultPlatform.KEYCLOAK_PORT);

        year = unusedYear();
        String run = Long.toString(System.currentTimeMillis(), 36);
        publishPlanAndAllocate(run);
        List<Writer> writers = List.of(
                new Writer("gulou-staff", GULOU, linkableAssignment("gulou-staff", GULOU)),
                new Writer("cangshan-staff", CANGSHAN, linkableAssignment("cangshan-staff", CANGSHAN)),
                new Writer("gudong-staff", GUDONG, linkableAssignment("gudong-staff", GUDONG)));
        truth = new GroundTruth(
                Map.of(CITY, CITY_TARGET, GULOU, GULOU_TARGET, CANGSHAN, CANGSHAN_TARGET, GUDONG, GUDONG_TARGET),
                List.of(CITY, GULOU, CANGSHAN, GUDONG));
        writes = new ActivityWrites(gateway, truth, writers, year, run);
    }

    @AfterAll
    static void stopEverythingThisTestStarted() throws Exception {
        try {
            if (writes != null) {
                writes.stopStream();
            }
            if (kafka != null) {
                kafka.start(); // the services stop faster when they can commit and close
            }
            ServiceProcess.stopAllStartedHere();
            if (platform != null) {
                platform.stop();
            }
        } finally {
            if (kafka != null) {
                kafka.close();
            }
            System.out.println(
                    "[fault] dashboard reads answered 5xx and were asked again " + retriedServerErrors + " times");
            System.out.println("[fault] whole test took "
                    + Duration.ofNanos(System.nanoTime() - since).toSeconds() + " s including the platform start");
        }
    }

    @Test
    @Order(1)
    void dashboardShowsExactlyWhatWasRecordedBeforeAnyFault() throws Exception {
        writes.record(6);

        assertDashboardEqualsGroundTruth("before any fault");
    }

    @Test
    @Order(2)
    void writesWhileKafkaIsDownAreAcceptedAndCountOnceItIsBack() throws Exception {
        writes.startStream(PAUSE);
        Thread.sleep(2_000);
        kafka.stop();
        int acceptedBefore = writes.acceptedSoFar();
        Thread.sleep(20_000);
        int acceptedWhileDown = writes.acceptedSoFar() - acceptedBefore;
        Map<String, String> whileDown = dashboardFigures();
        Map<String, String> truthWhileDown = truth.expectedFigures();
        kafka.start();
        Thread.sleep(5_000);
        Report report = writes.stopStream();

        assertThat(acceptedWhileDown)
                .as("activities accepted while Kafka was down (the outbox keeps them)")
                .isPositive();
        assertThat(whileDown)
                .as("the dashboard cannot have seen what was written while Kafka was down")
                .isNotEqualTo(truthWhileDown);
        assertThat(report.violations())
                .as(
                        "writes answered neither 2xx nor a clear refusal (%d accepted, refused: %s)",
                        report.accepted(), report.refused())
                .isEmpty();
        assertDashboardEqualsGroundTruth("after Kafka came back");
    }

    @Test
    @Order(3)
    void reportingKilledMidStreamCountsEverythingOnceAfterRestart() throws Exception {
        writes.startStream(PAUSE);
        Thread.sleep(3_000);
        reporting.kill();
        Thread.sleep(5_000); // writes go on while the read model is down
        Report report = writes.stopStream();
        reporting.restart(SERVICE_START);

        assertThat(report.violations())
                .as("writes while reporting-service was down")
                .isEmpty();
        assertThat(report.accepted()).isPositive();
        assertDashboardEqualsGroundTruth("after reporting-service was killed and restarted");
    }

    @Test
    @Order(4)
    void activityServiceKilledBeforePublishingPublishesItsPendingEventsExactlyOnce() throws Exception {
        assertDashboardEqualsGroundTruth("before the broker stops");
        kafka.stop();
        writes.record(6); // stored with their events in the outbox, which cannot be published
        Map<String, String> pending = truth.expectedFigures();
        activity.kill();
        kafka.start();
        Thread.sleep(5_000);
        Map<String, String> whileActivityDown = dashboardFigures();
        activity.restart(SERVICE_START);

        assertThat(whileActivityDown)
                .as("nothing of the six activities can be published while activity-service is dead")
                .isNotEqualTo(pending);
        assertDashboardEqualsGroundTruth("after activity-service restarted and published its outbox");
    }

    @Test
    @Order(5)
    void everyActivityEventDeliveredTwiceLeavesTheFiguresUnchanged() throws Exception {
        assertDashboardEqualsGroundTruth("before the re-sends");
        try (EventCopier copier = new EventCopier(kafka.bootstrapServers(), ACTIVITY_TOPIC, year)) {
            writes.startStream(PAUSE);
            Thread.sleep(8_000);
            Report report = writes.stopStream();
            assertThat(report.violations()).isEmpty();
            assertDashboardEqualsGroundTruth("while events are re-sent");
            copier.awaitCaughtUp(EVENTUALLY);
            copier.stop();

            assertThat(copier.copied())
                    .as("events of this run sent a second time")
                    .isEqualTo(truth.events());
        }
        awaitConsumed(ACTIVITY_TOPIC);
        assertThat(dashboardFigures())
                .as("dashboard after the read model consumed every copy")
                .isEqualTo(truth.expectedFigures());
    }

    @Test
    @Order(6)
    void twoReportingInstancesInOneGroupKeepTheFiguresExact() throws Exception {
        // a second JVM takes minutes to start on a busy machine: fewer writes meanwhile
        writes.startStream(Duration.ofSeconds(1));
        ServiceProcess second = reporting.secondInstance(SECOND_REPORTING_PORT, SERVICE_START);
        Map<String, List<TopicPartition>> members = awaitGroupMembers(2);
        Thread.sleep(5_000);
        Report report = writes.stopStream();

        assertThat(members.values())
                .as("both instances hold partitions of group %s: %s", READ_MODEL_GROUP, members)
                .hasSize(2)
                .allSatisfy(partitions -> assertThat(partitions).isNotEmpty());
        assertThat(report.violations()).isEmpty();
        assertDashboardEqualsGroundTruth("with two reporting instances");

        second.stop();
        writes.record(6);
        assertDashboardEqualsGroundTruth("after the second reporting instance stopped");
    }

    @Test
    @Order(7)
    void poisonMessageGoesToTheDeadLetterTopicAndLaterEventsOnItsPartitionStillCount() throws Exception {
        GroundTruth.Accepted victim = truth.counted().get(0);
        String marker = "poison-" + year + "-" + System.nanoTime();
        RecordMetadata notJson = inspector.produce(
                ACTIVITY_TOPIC,
                victim.activityId(),
                ("{\"eventId\": " + marker + " not json").getBytes(StandardCharsets.UTF_8));
        byte[] garbage = (marker + "\u0000\u00ff\u00fe garbage").getBytes(StandardCharsets.ISO_8859_1);
        inspector.produce(ACTIVITY_TOPIC, victim.activityId(), garbage);

        voidActivity(victim);
        writes.record(3);

        ConsumerRecord<String, byte[]> voided = awaitVoidedEvent(victim.activityId());
        assertThat(voided.partition())
                .as("the void of %s follows the poison on its partition", victim.activityId())
                .isEqualTo(notJson.partition());
        assertThat(voided.offset()).isGreaterThan(notJson.offset());
        assertDashboardEqualsGroundTruth("after the poison messages and the void behind them");
        List<ConsumerRecord<String, byte[]>> dead = awaitDeadLetters(marker, 2);
        assertThat(dead)
                .as("poison messages in %s", DEAD_LETTER_TOPIC)
                .hasSize(2)
                .allSatisfy(r -> assertThat(r.key()).isEqualTo(victim.activityId()));
    }

    @Test
    @Order(8)
    void rebuildFromZeroEqualsGroundTruthAndTheLiveDashboard() throws Exception {
        assertDashboardEqualsGroundTruth("before the rebuild");
        awaitConsumed(ACTIVITY_TOPIC);
        JsonNode cityBefore = dashboardWithoutClock(CITY);
        JsonNode gulouBefore = dashboardWithoutClock(GULOU);

        JsonNode result = gateway.postJson("admin", "/api/reports/admin/rebuild", Map.of(), Duration.ofMinutes(10));

        assertThat(result.path("failed").asLong())
                .as("rebuild result %s", result)
                .isZero();
        assertThat(result.path("skippedUnreadable").asLong())
                .as("the two poison messages, skipped by the replay: %s", result)
                .isEqualTo(2);
        assertDashboardEqualsGroundTruth("after the rebuild");
        assertThat(dashboardWithoutClock(CITY))
                .as("city dashboard after the rebuild")
                .isEqualTo(cityBefore);
        assertThat(dashboardWithoutClock(GULOU))
                .as("Gulou dashboard after the rebuild")
                .isEqualTo(gulouBefore);
    }

    // --- the plan ---------------------------------------------------------------------------------------------

    /** A far-future year no plan uses yet, different from run to run. */
    private static int unusedYear() throws Exception {
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

    private static void publishPlanAndAllocate(String run) throws Exception {
        Map<String, Object> indicator =
                Map.of("name", "培训妇女", "unit", "人次", "kind", "COUNT", "direction", "AT_LEAST", "target", CITY_TARGET);
        Map<String, Object> task = Map.of(
                "workArea", "服务妇女发展", "title", "全年培训妇女100000人次", "dueDate", year + "-12-31", "indicator", indicator);
        Map<String, Object> plan = Map.of(
                "year",
                year,
                "title",
                year + "年故障演练工作要点 " + run,
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
                                Map.of("unitCode", "350104", "target", CANGSHAN_TARGET)),
                        "version",
                        cityAssignment.path("version").asLong()));

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
                        GULOU_TARGET.subtract(GUDONG_TARGET)));
    }

    /** The user's own assignment of the drill's task, once planning has written it. */
    private static String ownAssignment(String user) throws Exception {
        long deadline = System.nanoTime() + EVENTUALLY.toNanos();
        while (System.nanoTime() < deadline) {
            for (JsonNode a : gateway.getJson(user, "/api/planning/assignments?year=" + year)
                    .path("items")) {
                if (taskId.equals(a.path("taskId").asString())) {
                    return a.path("id").asString();
                }
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(user + " never saw its assignment of task " + taskId);
    }

    /** The assignment of {@code unitPath} the user's training activities may count toward, once activity knows it. */
    private static String linkableAssignment(String user, String unitPath) throws Exception {
        long deadline = System.nanoTime() + EVENTUALLY.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = gateway.getJson(user, "/api/activities/assignments/linkable?year=" + year + "&type=TRAINING");
            for (JsonNode a : last) {
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
            Thread.sleep(500);
        }
        throw new IllegalStateException(
                "activity-service never offered " + user + " the assignment of " + unitPath + ": " + last);
    }

    private static void voidActivity(GroundTruth.Accepted victim) throws Exception {
        String user = victim.writer().user();
        JsonNode current = gateway.getJson(user, "/api/activities/" + victim.activityId());
        gateway.postJson(
                user,
                "/api/activities/" + victim.activityId() + "/void",
                Map.of("version", current.path("version").asLong(), "reason", "故障演练:作废"));
        truth.voided(victim.activityId());
    }

    // --- the dashboard --------------------------------------------------------------------------------------------

    /** Waits up to a minute for the dashboard to equal the ground truth, then compares once more for the message. */
    private static void assertDashboardEqualsGroundTruth(String when) throws Exception {
        Map<String, String> expected = truth.expectedFigures();
        long deadline = System.nanoTime() + EVENTUALLY.toNanos();
        Map<String, String> observed = dashboardFigures();
        while (!observed.equals(expected) && System.nanoTime() < deadline) {
            Thread.sleep(1_000);
            observed = dashboardFigures();
        }
        assertThat(observed)
                .as(
                        "dashboard %s (task %s, year %d) vs the %d activities accepted",
                        when, taskId, year, truth.counted().size())
                .isEqualTo(expected);
    }

    /** Target and actual of the task for the city and its two districts (city's dashboard) and the township. */
    private static Map<String, String> dashboardFigures() throws Exception {
        Map<String, String> figures = new TreeMap<>();
        JsonNode city = dashboard(CITY);
        figures.put(CITY, figure(city.path("tasks")));
        JsonNode gulou = dashboard(GULOU);
        for (JsonNode child : city.path("children")) {
            String path = child.path("unit").path("path").asString();
            if (path.equals(GULOU) || path.equals(CANGSHAN)) {
                figures.put(path, figure(child.path("tasks")));
            }
        }
        for (JsonNode child : gulou.path("children")) {
            if (GUDONG.equals(child.path("unit").path("path").asString())) {
                figures.put(GUDONG, figure(child.path("tasks")));
            }
        }
        for (String unit : List.of(GULOU, CANGSHAN, GUDONG)) {
            figures.putIfAbsent(unit, "not on the dashboard");
        }
        return figures;
    }

    private static String figure(JsonNode rows) {
        for (JsonNode row : rows) {
            if (taskId.equals(row.path("taskId").asString())) {
                return GroundTruth.figure(decimal(row.path("target")), decimal(row.path("actual")));
            }
        }
        return "no row for the task";
    }

    private static BigDecimal decimal(JsonNode n) {
        return n.isMissingNode() || n.isNull() ? null : n.decimalValue();
    }

    /**
     * The dashboard as a leader reads it. A 5xx answer is tried again twice: the gateway can pick a pooled connection
     * the service is closing at that moment (reported separately); three in a row fail the test.
     */
    private static JsonNode dashboard(String unit) throws Exception {
        String path = "/api/reports/dashboard?unit=" + unit + "&year=" + year;
        HttpResponse<String> response = gateway.get("leader", path);
        for (int retry = 0; retry < 2 && response.statusCode() >= 500; retry++) {
            retriedServerErrors++;
            System.out.println(
                    "[fault] dashboard answered " + response.statusCode() + ", asking again: " + response.body());
            Thread.sleep(1_000);
            response = gateway.get("leader", path);
        }
        assertThat(response.statusCode())
                .as("GET %s: %s", path, response.body())
                .isEqualTo(200);
        return Gateway.JSON.readTree(response.body());
    }

    /** The whole dashboard JSON but the instant it was read. */
    private static JsonNode dashboardWithoutClock(String unit) throws Exception {
        ObjectNode d = (ObjectNode) dashboard(unit);
        d.remove("asOf");
        return d;
    }

    // --- Kafka -------------------------------------------------------------------------------------------------

    private static void awaitConsumed(String topic) throws Exception {
        long deadline = System.nanoTime() + EVENTUALLY.toNanos();
        long lag = inspector.lag(READ_MODEL_GROUP, topic);
        while (lag > 0 && System.nanoTime() < deadline) {
            Thread.sleep(500);
            lag = inspector.lag(READ_MODEL_GROUP, topic);
        }
        assertThat(lag)
                .as("records of %s the read model has not consumed", topic)
                .isZero();
    }

    private static Map<String, List<TopicPartition>> awaitGroupMembers(int n) throws Exception {
        long deadline = System.nanoTime() + EVENTUALLY.toNanos();
        Map<String, List<TopicPartition>> members = inspector.members(READ_MODEL_GROUP);
        while ((members.size() != n || members.values().stream().anyMatch(List::isEmpty))
                && System.nanoTime() < deadline) {
            Thread.sleep(500);
            members = inspector.members(READ_MODEL_GROUP);
        }
        return members;
    }

    private static ConsumerRecord<String, byte[]> awaitVoidedEvent(String activityId) throws Exception {
        long deadline = System.nanoTime() + EVENTUALLY.toNanos();
        while (System.nanoTime() < deadline) {
            List<ConsumerRecord<String, byte[]>> found = inspector.read(ACTIVITY_TOPIC, r -> {
                String value = new String(r.value(), StandardCharsets.UTF_8);
                return activityId.equals(r.key()) && value.contains("\"ActivityVoided\"");
            });
            if (!found.isEmpty()) {
                return found.get(0);
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no ActivityVoided event of " + activityId + " on " + ACTIVITY_TOPIC);
    }

    private static List<ConsumerRecord<String, byte[]>> awaitDeadLetters(String marker, int n) throws Exception {
        long deadline = System.nanoTime() + EVENTUALLY.toNanos();
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        while (found.size() < n && System.nanoTime() < deadline) {
            Thread.sleep(500);
            found = inspector.read(
                    DEAD_LETTER_TOPIC, r -> new String(r.value(), StandardCharsets.ISO_8859_1).contains(marker));
        }
        return found;
    }
}
