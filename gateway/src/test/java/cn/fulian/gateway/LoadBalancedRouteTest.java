package cn.fulian.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A service running at two addresses, as the launcher sets it up for {@code --replicas reporting=2}: its URL is
 * {@code lb://reporting-service} and its instances are listed for Spring Cloud's simple discovery.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LoadBalancedRouteTest {

    static final ScriptedService FIRST = new ScriptedService();
    static final ScriptedService SECOND = new ScriptedService();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry r) {
        r.add("fulian.gateway.reporting-url", () -> "lb://reporting-service");
        r.add("spring.cloud.discovery.client.simple.instances.reporting-service[0].uri", FIRST::url);
        r.add("spring.cloud.discovery.client.simple.instances.reporting-service[1].uri", SECOND::url);
    }

    @AfterAll
    static void stop() throws Exception {
        FIRST.close();
        SECOND.close();
    }

    @Value("${local.server.port}")
    int port;

    @Test
    void theGatewaysCallsGoToEachInstanceInTurn() throws Exception {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        for (int i = 0; i < 6; i++) {
            HttpResponse<String> answer = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/reports/v3/api-docs"))
                            .timeout(Duration.ofSeconds(20))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as("call %d: %s", i, answer.body()).isEqualTo(200);
        }

        assertThat(FIRST.hits("GET", "/v3/api-docs")).isEqualTo(3);
        assertThat(SECOND.hits("GET", "/v3/api-docs")).isEqualTo(3);
    }
}
