package cn.fulian.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.RSAKey;
import com.sun.net.httpserver.HttpServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** What API callers get when the gateway cannot serve them: refusals (401, 403) as problem details. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayErrorAnswersTest {

    static final RSAKey KEY = TestTokens.newKey("realm-key");
    static final HttpServer KEYCLOAK = TestTokens.keyServer(KEY);
    static final ScriptedService PLANNING = new ScriptedService();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry r) {
        r.add(
                "fulian.keycloak-url",
                () -> "http://127.0.0.1:" + KEYCLOAK.getAddress().getPort());
        r.add("fulian.gateway.planning-url", PLANNING::url);
    }

    @AfterAll
    static void stop() throws Exception {
        KEYCLOAK.stop(0);
        PLANNING.close();
    }

    @Value("${local.server.port}")
    int port;

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    @Test
    void anApiCallWithNeitherSessionNorTokenIs401WithABearerChallengeWhateverTheMethod() throws Exception {
        for (String method : List.of("GET", "POST", "PUT", "PATCH", "DELETE")) {
            HttpResponse<String> response = send(request("/api/planning/plans/p-1")
                    .header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString("{}")));

            assertThat(response.statusCode()).as(method).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate"))
                    .as(method)
                    .hasValue("Bearer");
            assertThat(response.headers().firstValue("Content-Type"))
                    .as(method)
                    .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(response.body()).as(method).contains("\"status\":401").contains("Unauthorized");
            assertThat(PLANNING.hits(method, "/api/planning/plans/p-1"))
                    .as(method + " reached the service")
                    .isZero();
        }
    }

    @Test
    void aWriteCarryingASessionCookieButNoCsrfHeaderIsRefusedWithProblemDetails() throws Exception {
        HttpResponse<String> response = send(request("/api/planning/plans")
                .header("Content-Type", "application/json")
                .header("Cookie", "SESSION=stolen-or-made-up")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(response.body())
                .contains("\"status\":403")
                .contains("Forbidden")
                .contains("CSRF");
        assertThat(PLANNING.hits("POST", "/api/planning/plans")).isZero();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
