package cn.fulian.system.scale;

import static cn.fulian.system.PlatformApi.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import cn.fulian.system.LaunchedPlatform;
import cn.fulian.system.PlatformPorts;
import cn.fulian.system.fault.ActivityWrites;
import cn.fulian.system.fault.ActivityWrites.Report;
import cn.fulian.system.fault.Drill;
import cn.fulian.system.fault.Gateway;
import cn.fulian.system.fault.ServiceProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * The platform at two gateways and two reporting instances, as {@code ./platform up --replicas reporting=2,gateway=2}
 * starts it, on the 16xxx port set: the launcher's round-robin front on 16080 before gateways on 16100 and 16120,
 * reporting on 16084 and 16104. A browser logs in through one gateway and is served by the other; a live stream on
 * either reporting instance hears of every change, whichever instance applied it; a rebuild while activities are
 * being recorded, and one reporting instance killed while they are, both end with the dashboards equal to what the
 * test recorded.
 */
@TestMethodOrder(OrderAnnotation.class)
class ScaleOutTest {

    private static final Path ROOT = LaunchedPlatform.root();
    private static final Path STATE = LaunchedPlatform.stateFolder("platform.scale-state", "scale-state");

    private static final PlatformPorts PORTS = PlatformPorts.at(16000, 16092);
    private static final int FRONT_PORT = PORTS.gateway();
    private static final List<Integer> GATEWAY_PORTS = List.of(16100, 16120);
    private static final List<Integer> REPORTING_PORTS = List.of(PORTS.reporting(), 16104);
    private static final List<String> REPORTING_IDS = List.of("reporting-service", "reporting-service-2");

    private static final Duration PAUSE = Duration.ofMillis(300);

    private static long since;
    private static LaunchedPlatform platform;
    private static Gateway gateway;
    private static Drill drill;

    @BeforeAll
    static void startTwoOfEach() throws Exception {
        since = System.nanoTime();
        // fresh databases; Keycloak's installation is kept between runs, its database is not (the realm is imported)
        LaunchedPlatform.clearState(STATE, "mongo", "kafka", "pids", LaunchedPlatform.KEYCLOAK_DATABASE);
        platform = LaunchedPlatform.start(
                ROOT, STATE, "scale", PORTS, Map.of("PLATFORM_REPLICAS", "reporting=2,gateway=2"));
        System.out.println("[scale] platform ready in " + platform.startTime().toSeconds() + " s");
        gateway = new Gateway(FRONT_PORT, PORTS.keycloak());
        drill = Drill.prepare(gateway, "scale", "扩容演练工作要点");
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (drill != null) {
                drill.writes().stopStream();
            }
        } catch (IllegalStateException notStreaming) {
            // nothing was being written
        } finally {
            if (platform != null) {
                platform.stopAndAssertNothingIsLeft();
            }
            System.out.println("[scale] whole test took "
                    + Duration.ofNanos(System.nanoTime() - since).toSeconds() + " s including the platform start");
        }
    }

    @Test
    @Order(1)
    void aBrowserLoggedInThroughOneGatewayIsServedByEitherGateway() throws Exception {
        String session = GatewaySessionLogin.login("http://127.0.0.1:" + FRONT_PORT, "leader", "demo");

        for (int port : GATEWAY_PORTS) {
            HttpResponse<String> me = getWithCookie("http://127.0.0.1:" + port + "/api/session", session);
            assertThat(me.statusCode())
                    .as("GET /api/session on the gateway at %d: %s", port, me.body())
                    .isEqualTo(200);
            assertThat(me.body()).as("the session on the gateway at %d", port).contains("leader");
            HttpResponse<String> dashboard = getWithCookie(
                    "http://127.0.0.1:" + port + "/api/reports/dashboard?unit=" + Drill.CITY + "&year=" + drill.year(),
                    session);
            assertThat(dashboard.statusCode())
                    .as("the dashboard through the gateway at %d with the session's token: %s", port, dashboard.body())
                    .isEqualTo(200);
        }
    }

    @Test
    @Order(2)
    void aLiveStreamOnEitherReportingInstanceAnnouncesWhatTheOtherApplied() throws Exception {
        String token = gateway.token("leader");
        // the launcher's broker gives each topic one partition, so one instance applies every event: whichever it is,
        // the stream on the other instance hears of the change only through the notices both instances read
        try (LiveStream first = LiveStream.open(url(REPORTING_PORTS.get(0)), Drill.GULOU, token);
                LiveStream second = LiveStream.open(url(REPORTING_PORTS.get(1)), Drill.GULOU, token)) {
            drill.writes().record(2);
            eventually(Duration.ofSeconds(30), () -> {
                assertThat(first.notices())
                        .as("notices on %s", REPORTING_IDS.get(0))
                        .anyMatch(n -> n.contains(Drill.GULOU));
                assertThat(second.notices())
                        .as("notices on %s", REPORTING_IDS.get(1))
                        .anyMatch(n -> n.contains(Drill.GULOU));
            });
        }
        drill.assertDashboardEqualsGroundTruth("after the streamed writes");
    }

    @Test
    @Order(3)
    void aRebuildWhileActivitiesAreRecordedEndsEqualToWhatWasRecorded() throws Exception {
        ActivityWrites writes = drill.writes();
        writes.startStream(PAUSE);
        Thread.sleep(1_500);
        JsonNode result = gateway.postJson("admin", "/api/reports/admin/rebuild", Map.of(), Duration.ofMinutes(5));
        Thread.sleep(1_500);
        Report report = writes.stopStream();

        assertThat(result.path("records").asLong())
                .as("rebuild result %s", result)
                .isPositive();
        assertThat(result.path("failed").asLong())
                .as("rebuild result %s", result)
                .isZero();
        assertThat(report.violations()).as("writes during the rebuild").isEmpty();
        assertThat(report.accepted()).isPositive();
        drill.assertDashboardEqualsGroundTruth("after a rebuild while activities were recorded");
    }

    @Test
    @Order(4)
    void aReportingInstanceKilledWhileActivitiesAreRecordedLosesNothing() throws Exception {
        int victimIndex = applyingInstance();
        String victim = REPORTING_IDS.get(victimIndex);
        int survivorPort = REPORTING_PORTS.get(1 - victimIndex);
        ServiceProcess instance = ServiceProcess.of(victim, platform.pidFile(victim), platform.logs());
        ActivityWrites writes = drill.writes();
        try (LiveStream survivor = LiveStream.open(url(survivorPort), Drill.CITY, gateway.token("leader"))) {
            writes.startStream(PAUSE);
            Thread.sleep(2_000);
            instance.kill();
            int noticesAtTheKill = survivor.notices().size();
            Thread.sleep(4_000);
            Report report = writes.stopStream();

            assertThat(report.violations())
                    .as("writes while %s was killed", victim)
                    .isEmpty();
            assertThat(report.accepted()).isPositive();
            // the other instance takes the partitions once the group notices the loss; the launcher restarts the victim
            drill.assertDashboardEqualsGroundTruth("after " + victim + " was killed mid-stream");
            assertThat(survivor.notices().size())
                    .as("the live stream on the surviving instance still announces changes after the kill")
                    .isGreaterThan(noticesAtTheKill);
        }
    }

    /** Which reporting instance holds the read model's partitions (its consumer's assigned-partitions gauge). */
    private static int applyingInstance() throws Exception {
        for (int i = 0; i < REPORTING_PORTS.size(); i++) {
            HttpResponse<String> scrape =
                    getWithCookie("http://127.0.0.1:" + (REPORTING_PORTS.get(i) + 1000) + "/actuator/prometheus", null);
            for (String line : scrape.body().split("\n")) {
                if (line.startsWith("kafka_consumer_coordinator_assigned_partitions")
                        && line.contains("read-model")
                        && !line.trim().endsWith(" 0.0")) {
                    return i;
                }
            }
        }
        System.out.println("[scale] no reporting instance reports assigned read-model partitions; killing the first");
        return 0;
    }

    private static String url(int port) {
        return "http://127.0.0.1:" + port;
    }

    private static HttpResponse<String> getWithCookie(String url, String cookie)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .GET();
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        // a client per call: a new connection each time, so the answer is the gateway's at that port
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
