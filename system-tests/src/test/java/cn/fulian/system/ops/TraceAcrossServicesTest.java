package cn.fulian.system.ops;

import static cn.fulian.system.PlatformApi.GATEWAY;
import static org.assertj.core.api.Assertions.assertThat;

import cn.fulian.system.LaunchedPlatform;
import cn.fulian.system.PlatformApi;
import cn.fulian.system.SharedPlatform;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An operator follows one user action across the platform: a write sent with a W3C trace context and a correlation id
 * is logged with both ids by the gateway's backend that handled it, by its outbox relay when the event is published,
 * and by every service that applies the event.
 */
@ExtendWith(SharedPlatform.class)
class TraceAcrossServicesTest {

    static final PlatformApi api = new PlatformApi();

    @Test
    void aWritesTraceIdAppearsInTheProducingAndTheConsumingServicesLogs() throws Exception {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        String hex = HexFormat.of().formatHex(bytes);
        String traceId = hex.substring(0, 32);
        String traceparent = "00-" + traceId + "-" + hex.substring(32, 48) + "-01";
        String correlation = "trace-it-" + hex.substring(0, 12);

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "LECTURE");
        body.put("title", "家庭教育公益讲座（追踪）");
        body.put("year", LocalDate.now().getYear());
        body.put("startDate", LocalDate.now().minusDays(1).toString());
        body.put("endDate", LocalDate.now().minusDays(1).toString());
        body.put("place", "妇女之家");
        body.put("metrics", Map.of("sessions", 1, "participants", 25));
        HttpResponse<String> created = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(GATEWAY + "/api/activities"))
                                .header("Authorization", "Bearer " + api.token("gudong-staff"))
                                .header("Content-Type", "application/json")
                                .header("traceparent", traceparent)
                                .header("X-Correlation-Id", correlation)
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        PlatformApi.JSON.writeValueAsString(body), StandardCharsets.UTF_8))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("X-Correlation-Id")).contains(correlation);

        Path logs = LaunchedPlatform.shared().logs();
        PlatformApi.eventually(Duration.ofMinutes(1), () -> {
            assertThat(lines(logs.resolve("activity-service.log"), "published ActivityRecorded", traceId))
                    .as("the producing service's relay logs the trace id")
                    .isNotEmpty()
                    .allSatisfy(line -> assertThat(line).contains(correlation));
            assertThat(lines(logs.resolve("reporting-service.log"), "applied ActivityRecorded", traceId))
                    .as("the consuming service logs the same trace id")
                    .isNotEmpty()
                    .allSatisfy(line -> assertThat(line).contains(correlation));
        });
    }

    private static List<String> lines(Path log, String what, String traceId) throws java.io.IOException {
        if (!Files.exists(log)) {
            return List.of();
        }
        return new String(Files.readAllBytes(log), StandardCharsets.UTF_8)
                .lines()
                .filter(l -> l.contains(what) && l.contains(traceId))
                .toList();
    }
}
