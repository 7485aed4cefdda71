package cn.fulian.starter.sample;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fulian.starter.test.EmbeddedMongo;
import cn.fulian.starter.test.PrometheusScrape;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ContextConfiguration;

/** A service as it runs: its actuator on a port of its own, on the loopback interface, and nowhere on the API port. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}", "management.server.port=0"})
@EmbeddedKafka(partitions = 1)
@ContextConfiguration(initializers = EmbeddedMongo.class)
class ManagementPortTest {

    @Value("${local.server.port}")
    int apiPort;

    @Value("${local.management.port}")
    int managementPort;

    @Value("${management.server.address}")
    String managementAddress;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void healthAndMetricsAreServedOnTheLoopbackManagementPortWithoutAToken() throws Exception {
        assertThat(managementPort).isNotEqualTo(apiPort);
        assertThat(managementAddress).isEqualTo("127.0.0.1");

        HttpResponse<String> readiness = get(managementPort, "/actuator/health/readiness");
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"mongo\"", "\"kafka\"");

        HttpResponse<String> metrics = get(managementPort, "/actuator/prometheus");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(PrometheusScrape.parse(metrics.body()).samples("fulian_outbox_pending"))
                .isNotEmpty();
    }

    @Test
    void theApiPortHasNoActuator() throws Exception {
        for (String path : List.of("/actuator/prometheus", "/actuator/health", "/actuator/info")) {
            assertThat(get(apiPort, path).statusCode()).as(path).isEqualTo(404);
        }
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
