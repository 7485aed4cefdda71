package cn.fulian.system.fault;

import static cn.fulian.system.PlatformApi.eventually;
import static cn.fulian.system.PlatformApi.eventuallyFound;
import static org.assertj.core.api.Assertions.assertThat;

import cn.fulian.system.LaunchedPlatform;
import cn.fulian.system.PlatformApi.Probe;
import cn.fulian.system.PlatformPorts;
import cn.fulian.system.fault.ActivityWrites.Report;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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

/**
 * The real platform as processes, under faults: the broker stopped, services killed with SIGKILL, every event
 * delivered twice, two read-model instances in one group, a poison message, a rebuild from zero. After each fault the
 * leaders' dashboard, read through the gateway with a Keycloak token, must equal what the test computed from the
 * activities the platform accepted — nothing lost, nothing counted twice.
 *
 * <p>The plan is a fresh far-future year with one task, allocated by the city to two districts; the two districts and
 * a township below one of them record training activities toward it. The test runs its own Kafka broker and hands it
 * to the launcher with {@code KAFKA_BOOTSTRAP_SERVERS}, so it can stop and start the broker under the running services;
 * the launcher still runs the Mongo-wire server and Keycloak, the services and the gateway, on the 18xxx port set (below
 * Linux's ephemeral range 32768–60999, where an outgoing connection once held a service's port).
 */
@TestMethodOrder(OrderAnnotation.class)
class FaultToleranceTest {

    private static final Path ROOT = LaunchedPlatform.root();
    private static final Path STATE = LaunchedPlatform.stateFolder("platform.fault-state", "fault-state");

    private static final int KAFKA_PORT = 19092;
    private static final int KAFKA_CONTROLLER_PORT = 19093;
    private static final PlatformPorts PORTS = PlatformPorts.at(18000, KAFKA_PORT);
    private static final int SECOND_REPORTING_PORT = 18094;
    private static final String ACTIVITY_TOPIC = "activity.events.v1";
    private static final String DEAD_LETTER_TOPIC = ACTIVITY_TOPIC + ".DLT";
    private static final String READ_MODEL_GROUP = "reporting-service.read-model";

    private static final Duration EVENTUALLY = Duration.ofSeconds(60);
    private static final Duration PAUSE = Duration.ofMillis(300);
    private static final Duration SERVICE_START =
            Duration.ofSeconds(Math.max(180, LaunchedPlatform.READY_TIMEOUT.toSeconds()));

    private static final String CITY = Drill.CITY;
    private static final String GULOU = Drill.GULOU;

    private static long since;
    private static TestKafka kafka;
    private static LaunchedPlatform platform;
    private static Gateway gateway;
    private static KafkaInspector inspector;
    private static ServiceProcess reporting;
    private static ServiceProcess activity;
    private static int year;
    private static String taskId;
    private static GroundTruth truth;
    private static ActivityWrites writes;
    private static Drill drill;

    @BeforeAll
    static void startPlatformAndPublishThePlan() throws Exception {
        since = System.nanoTime();
        Path kafkaDir = STATE.resolve("kafka");
        LaunchedPlatform.deleteRecursively(kafkaDir);
        kafka = TestKafka.startFresh(kafkaDir, KAFKA_PORT, KAFKA_CONTROLLER_PORT);
        // four partitions, so that two read-model instances each get some of the activity events
        kafka.createTopics(Map.of(ACTIVITY_TOPIC, 4));
        inspector = new KafkaInspector(kafka);

        // fresh databases; Keycloak's installation is kept between runs, its database is not (the realm is imported)
        Path state = STATE.resolve("platform");
        LaunchedPlatform.clearState(state, "mongo", "pids", LaunchedPlatform.KEYCLOAK_DATABASE);
        platform = LaunchedPlatform.start(
                ROOT, state, "fault", PORTS, Map.of("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers()));
        System.out.println("[fault] platform ready in " + platform.startTime().toSeconds() + " s");
        reporting = ServiceProcess.of("reporting-service", platform.pidFile("reporting-service"), platform.logs());
        activity = ServiceProcess.of("activity-service", platform.pidFile("activity-service"), platform.logs());
        gateway = new Gateway(PORTS.gateway(), PORTS.keycloak());

        drill = Drill.prepare(gateway, "fault", "故障演练工作要点");
        year = drill.year();
        taskId = drill.taskId();
        truth = drill.truth();
        writes = drill.writes();
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
                assertThat(platform.stop())
                        .as("launcher stopped within a minute of SIGTERM")
                        .isTrue();
            }
        } finally {
            if (kafka != null) {
                kafka.close();
            }
            System.out.println("[fault] dashboard reads answered 5xx and were asked again "
                    + (drill == null ? 0 : drill.retriedServerErrors()) + " times");
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

    private static void voidActivity(GroundTruth.Accepted victim) throws Exception {
        String user = victim.writer().user();
        JsonNode current = gateway.getJson(user, "/api/activities/" + victim.activityId());
        gateway.postJson(
                user,
                "/api/activities/" + victim.activityId() + "/void",
                Map.of("reason", "故障演练:作废"),
                "\"" + current.path("version").asLong() + "\"");
        truth.voided(victim.activityId());
    }

    // --- the dashboard --------------------------------------------------------------------------------------------

    private static void assertDashboardEqualsGroundTruth(String when) throws Exception {
        drill.assertDashboardEqualsGroundTruth(when);
    }

    private static Map<String, String> dashboardFigures() throws Exception {
        return drill.dashboardFigures();
    }

    private static JsonNode dashboardWithoutClock(String unit) throws Exception {
        return drill.dashboardWithoutClock(unit);
    }

    // --- Kafka -------------------------------------------------------------------------------------------------

    private static void awaitConsumed(String topic) throws Exception {
        eventually(
                EVENTUALLY,
                () -> assertThat(inspector.lag(READ_MODEL_GROUP, topic))
                        .as("records of %s the read model has not consumed", topic)
                        .isZero());
    }

    /** The group's members once {@code n} of them each hold partitions, or as they are when the wait ends. */
    private static Map<String, List<TopicPartition>> awaitGroupMembers(int n) throws Exception {
        try {
            return eventuallyFound(EVENTUALLY, () -> {
                Map<String, List<TopicPartition>> members = inspector.members(READ_MODEL_GROUP);
                assertThat(members.values())
                        .hasSize(n)
                        .allSatisfy(p -> assertThat(p).isNotEmpty());
                return members;
            });
        } catch (AssertionError notYet) {
            return inspector.members(READ_MODEL_GROUP);
        }
    }

    private static ConsumerRecord<String, byte[]> awaitVoidedEvent(String activityId) throws Exception {
        return eventuallyFound(EVENTUALLY, () -> {
            List<ConsumerRecord<String, byte[]>> found = inspector.read(ACTIVITY_TOPIC, r -> {
                String value = new String(r.value(), StandardCharsets.UTF_8);
                return activityId.equals(r.key()) && value.contains("\"ActivityVoided\"");
            });
            assertThat(found)
                    .as("ActivityVoided events of %s on %s", activityId, ACTIVITY_TOPIC)
                    .isNotEmpty();
            return found.get(0);
        });
    }

    /** The dead letters carrying {@code marker} once there are {@code n}, or as many as there are when the wait ends. */
    private static List<ConsumerRecord<String, byte[]>> awaitDeadLetters(String marker, int n) throws Exception {
        Probe<List<ConsumerRecord<String, byte[]>>> deadLetters = () -> inspector.read(
                DEAD_LETTER_TOPIC, r -> new String(r.value(), StandardCharsets.ISO_8859_1).contains(marker));
        try {
            return eventuallyFound(EVENTUALLY, () -> {
                List<ConsumerRecord<String, byte[]>> found = deadLetters.get();
                assertThat(found).hasSizeGreaterThanOrEqualTo(n);
                return found;
            });
        } catch (AssertionError notYet) {
            return deadLetters.get();
        }
    }
}
