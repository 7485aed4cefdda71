package cn.fulian.system.ops;

import static cn.fulian.system.PlatformApi.GATEWAY;
import static org.assertj.core.api.Assertions.assertThat;

import cn.fulian.system.LaunchedPlatform;
import cn.fulian.system.PlatformApi;
import cn.fulian.system.SharedPlatform;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The platform as an operator runs it: a crashed service comes back by itself while the gateway says plainly that it
 * is unavailable; a hung service does not hold the gateway; anonymous writes are told to authenticate; the metrics
 * an operator alerts on are exposed with sensible values after some work.
 */
@ExtendWith(SharedPlatform.class)
@TestMethodOrder(OrderAnnotation.class)
class OperabilityTest {

    static final PlatformApi api = new PlatformApi();
    static final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    @Order(1)
    void anonymousCallsOfEveryMethodAreToldToAuthenticateWithABearerToken() throws Exception {
        for (String method : List.of("GET", "POST", "PUT", "DELETE", "PATCH")) {
            for (String path : List.of(
                    "/api/planning/plans", "/api/activities/x", "/api/rights/cases", "/api/reports/dashboard")) {
                HttpResponse<String> answer = http.send(
                        HttpRequest.newBuilder(URI.create(GATEWAY + path))
                                .header("Content-Type", "application/json")
                                .method(method, HttpRequest.BodyPublishers.ofString("{}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(answer.statusCode()).as("%s %s", method, path).isEqualTo(401);
                assertThat(answer.headers().firstValue("WWW-Authenticate"))
                        .as("%s %s", method, path)
                        .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
            }
        }
    }

    @Test
    @Order(2)
    void aKilledServiceIsBackByItselfWithItsFiguresAndTheGatewayAnswers503Meanwhile() throws Exception {
        String leader = api.token("leader");
        String url = GATEWAY + "/api/reports/dashboard?unit=350100/350102";
        JsonNode before = api.get(url, leader).expect(200).json();

        long pid = pid("reporting-service");
        ProcessHandle.of(pid).orElseThrow().destroyForcibly();
        long killedAt = System.nanoTime();

        Map<Integer, Integer> statuses = new LinkedHashMap<>();
        HttpResponse<String> unavailable = null;
        HttpResponse<String> answer;
        do {
            Thread.sleep(200);
            answer = http.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .header("Authorization", "Bearer " + leader)
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            statuses.merge(answer.statusCode(), 1, Integer::sum);
            if (answer.statusCode() == 503 && unavailable == null) {
                unavailable = answer;
            }
        } while (answer.statusCode() != 200
                && System.nanoTime() - killedAt < Duration.ofSeconds(120).toNanos());
        Duration back = Duration.ofNanos(System.nanoTime() - killedAt);
        System.out.printf(
                "[operability] reporting-service back %.1f s after kill -9; answers meanwhile %s%n",
                back.toMillis() / 1000.0, statuses);

        assertThat(answer.statusCode())
                .as("serving again within 2 minutes; answers %s", statuses)
                .isEqualTo(200);
        assertThat(back).as("back within 30 s").isLessThanOrEqualTo(Duration.ofSeconds(30));
        assertThat(statuses.keySet()).as("nothing but 503 before it was back").containsOnly(503, 200);
        assertThat(unavailable)
                .as("the gateway said the service is unavailable")
                .isNotNull();
        assertThat(unavailable.headers().firstValue("Retry-After")).isPresent();
        assertThat(unavailable.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).contains("application/problem+json"));
        assertThat(pid("reporting-service")).as("a new process").isNotEqualTo(pid);
        JsonNode after = api.get(url, leader).expect(200).json();
        assertThat(after.path("tasks").toString())
                .as("the figures survived")
                .isEqualTo(before.path("tasks").toString());
        String status = status();
        assertThat(status)
                .as("./platform status shows the restart and its cause")
                .containsPattern("reporting-service\\s+up\\s+\\d+\\s+1\\s")
                .contains("exit code 137")
                .contains("All components are up.");
    }

    @Test
    @Order(3)
    void aHungServiceDoesNotHoldTheGatewayBeyondItsTimeout() throws Exception {
        String token = api.token("gulou-staff");
        long pid = pid("activity-service");
        signal("STOP", pid);
        try {
            long sent = System.nanoTime();
            HttpResponse<String> answer = http.send(
                    HttpRequest.newBuilder(URI.create(GATEWAY + "/api/activities?size=1"))
                            .header("Authorization", "Bearer " + token)
                            .timeout(Duration.ofSeconds(90))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            Duration took = Duration.ofNanos(System.nanoTime() - sent);
            System.out.printf(
                    "[operability] hung activity-service: gateway answered %d after %.1f s%n",
                    answer.statusCode(), took.toMillis() / 1000.0);
            assertThat(answer.statusCode()).isIn(503, 504);
            assertThat(answer.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(v -> assertThat(v).contains("application/problem+json"));
            assertThat(took)
                    .as("within the route's response timeout (30 s) and a margin")
                    .isLessThan(Duration.ofSeconds(40));
        } finally {
            signal("CONT", pid);
        }
        PlatformApi.eventually(
                Duration.ofMinutes(1),
                () -> assertThat(api.get(GATEWAY + "/api/activities?size=1", token)
                                .status())
                        .isEqualTo(200));
    }

    @Test
    @Order(4)
    void theMetricsAnOperatorAlertsOnAreExposedWithSensibleValuesAfterSomeWork() throws Exception {
        String token = api.token("gudong-staff");
        for (int i = 0; i < 5; i++) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("type", "LECTURE");
            body.put("title", "普法宣讲（指标）" + i);
            body.put("year", java.time.LocalDate.now().getYear());
            body.put("startDate", java.time.LocalDate.now().minusDays(2).toString());
            body.put("endDate", java.time.LocalDate.now().minusDays(2).toString());
            body.put("place", "妇女之家");
            body.put("metrics", Map.of("sessions", 1, "participants", 20));
            api.post(GATEWAY + "/api/activities", token, body).expect(201);
        }
        PlatformApi.eventually(Duration.ofMinutes(1), () -> {
            String activity = scrape(29082);
            assertThat(sum(activity, "fulian_outbox_pending"))
                    .as("the outbox drained")
                    .isZero();
            assertThat(activity).contains("http_server_requests_seconds_bucket{");
            assertThat(activity).containsPattern("uri=\"/api/activities\"");
            String reporting = scrape(29084);
            assertThat(sum(reporting, "fulian_readmodel_events_applied_total")).isGreaterThanOrEqualTo(5);
            assertThat(reporting).contains("kafka_consumer_fetch_manager_records_lag{");
            assertThat(max(reporting, "kafka_consumer_fetch_manager_records_lag"))
                    .as("the lag came back to 0")
                    .isZero();
            assertThat(reporting).contains("fulian_dead_letters_total");
            assertThat(reporting).contains("fulian_rebuild_running");
            assertThat(sum(reporting, "jvm_memory_used_bytes")).isPositive();
        });
        assertThat(scrape(29080)).as("the gateway's own metrics").contains("spring_cloud_gateway_requests_seconds");
    }

    private static String scrape(int managementPort) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/actuator/prometheus"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        return answer.body();
    }

    private static List<Double> values(String exposition, String metric) {
        List<Double> values = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^" + metric + "(\\{[^}]*})? ([-+0-9.eENaI]+)$")
                .matcher(exposition);
        while (m.find()) {
            values.add(Double.parseDouble(m.group(2)));
        }
        assertThat(values).as("samples of %s", metric).isNotEmpty();
        return values;
    }

    private static double sum(String exposition, String metric) {
        return values(exposition, metric).stream()
                .mapToDouble(Double::doubleValue)
                .sum();
    }

    private static double max(String exposition, String metric) {
        return values(exposition, metric).stream()
                .mapToDouble(Double::doubleValue)
                .filter(v -> !Double.isNaN(v))
                .max()
                .orElse(0);
    }

    private static long pid(String component) throws IOException {
        Path file = LaunchedPlatform.shared().pidFile(component);
        return Long.parseLong(Files.readString(file).replaceAll("[^0-9]", ""));
    }

    private static void signal(String signal, long pid) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid))
                .inheritIO()
                .start();
        assertThat(kill.waitFor()).isZero();
    }

    /** What {@code ./platform status} prints for the running platform. */
    private static String status() throws Exception {
        Path root = LaunchedPlatform.root();
        ProcessBuilder command = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-jar",
                        root.resolve("infra/target/infra.jar").toString(),
                        "status")
                .redirectErrorStream(true);
        command.environment()
                .put("PLATFORM_STATE", LaunchedPlatform.shared().state().toString());
        command.environment().put("PLATFORM_ROOT", root.toString());
        command.environment().putAll(LaunchedPlatform.PORTS.env());
        Process process = command.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        System.out.println("[operability] ./platform status:\n" + out);
        return out;
    }
}
