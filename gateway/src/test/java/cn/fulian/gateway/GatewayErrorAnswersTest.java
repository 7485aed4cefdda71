package cn.fulian.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.RSAKey;
import com.sun.net.httpserver.HttpServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What API callers get when the gateway cannot serve them: refusals (401, 403) and services that fail. The services
 * are bare sockets that can be stopped (a closed port), reset connections, never answer or answer 500. Each service
 * has its own breaker, so each kind of failure is tried on its own service: planning resets, activity hangs once and
 * answers 4xx and 500, rights hangs until its breaker opens, reporting is stopped.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayErrorAnswersTest {

    static final RSAKey KEY = TestTokens.newKey("realm-key");
    static final HttpServer KEYCLOAK = TestTokens.keyServer(KEY);
    static final String ISSUER = "http://127.0.0.1:" + KEYCLOAK.getAddress().getPort() + "/realms/fulian";
    static final ScriptedService PLANNING = new ScriptedService();
    static final ScriptedService ACTIVITY = new ScriptedService();
    static final ScriptedService RIGHTS = new ScriptedService();
    static final Duration TIMEOUT = Duration.ofSeconds(2);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry r) {
        r.add(
                "fulian.keycloak-url",
                () -> "http://127.0.0.1:" + KEYCLOAK.getAddress().getPort());
        r.add("fulian.gateway.planning-url", PLANNING::url);
        r.add("fulian.gateway.activity-url", ACTIVITY::url);
        r.add("fulian.gateway.rights-url", RIGHTS::url);
        r.add("fulian.gateway.reporting-url", () -> "http://127.0.0.1:" + ScriptedService.closedPort());
        r.add("spring.cloud.gateway.server.webflux.httpclient.response-timeout", TIMEOUT::toString);
        r.add("fulian.gateway.backends.retry-after", () -> "7s");
        // four calls decide; a service opens at three failures in four, so no test but the breaker's opens one
        r.add("fulian.gateway.backends.breaker.window", () -> "4");
        r.add("fulian.gateway.backends.breaker.minimum-calls", () -> "4");
        r.add("fulian.gateway.backends.breaker.failure-rate", () -> "75");
        r.add("fulian.gateway.backends.breaker.open-for", () -> "60s");
    }

    @AfterAll
    static void stop() throws Exception {
        KEYCLOAK.stop(0);
        PLANNING.close();
        ACTIVITY.close();
        RIGHTS.close();
    }

    @Value("${local.server.port}")
    int port;

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private final String token = TestTokens.sign(
            KEY, KEY.getKeyID(), ISSUER, "fulian-api", Instant.now().plusSeconds(600));

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

    @Test
    void aStoppedServiceIs503WithRetryAfterAndWordsInChineseAndEnglishNeverAStackTrace() throws Exception {
        HttpResponse<String> response = send(request("/api/reports/dashboard").header("Authorization", bearer()));

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("7");
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(response.body())
                .contains("\"type\":\"urn:fulian:problem:service-unavailable\"")
                .contains("\"status\":503")
                .contains("服务暂不可用 / Service unavailable")
                .contains("统计报表服务暂时无法访问")
                .contains("the reporting service is not answering")
                .contains("try again in 7 seconds")
                .doesNotContain("Exception")
                .doesNotContain("Connection refused")
                .doesNotContain("io.netty")
                .doesNotContain("\tat ");
    }

    @Test
    void aReadWhoseConnectionIsResetBeforeAnyAnswerIsTriedOnceMore() throws Exception {
        HttpResponse<String> once = send(request("/api/planning/reset-once").header("Authorization", bearer()));
        assertThat(once.statusCode()).isEqualTo(200);
        assertThat(once.body()).isEqualTo("backend:/api/planning/reset-once");
        assertThat(PLANNING.hits("GET", "/api/planning/reset-once")).isEqualTo(2);

        HttpResponse<String> always = send(request("/api/planning/reset").header("Authorization", bearer()));
        assertThat(always.statusCode()).isEqualTo(503);
        assertThat(PLANNING.hits("GET", "/api/planning/reset"))
                .as("tried once more, not again")
                .isEqualTo(2);
    }

    @Test
    void aWriteWhoseConnectionIsResetIsNeverSentTwice() throws Exception {
        HttpResponse<String> response = send(request("/api/planning/reset")
                .header("Authorization", bearer())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"x\"}")));

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).contains("计划任务服务暂时无法访问");
        assertThat(PLANNING.hits("POST", "/api/planning/reset")).isEqualTo(1);
    }

    @Test
    void aServiceThatNeverAnswersIs504WithinTheRouteTimeout() throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> response = send(request("/api/activities/hang").header("Authorization", bearer()));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(response.statusCode()).isEqualTo(504);
        assertThat(took).isBetween(TIMEOUT.minusMillis(100), TIMEOUT.plusSeconds(3));
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(response.body())
                .contains("\"type\":\"urn:fulian:problem:gateway-timeout\"")
                .contains("服务响应超时 / Gateway timeout")
                .contains("the activity service did not answer in time")
                .doesNotContain("Exception")
                .doesNotContain("PT2S");
        assertThat(ACTIVITY.hits("GET", "/api/activities/hang"))
                .as("a timed-out read is not tried again")
                .isEqualTo(1);
    }

    @Test
    void aServiceFailureIsPassedOnAsProblemDetailsAndAReadAnsweredWithItIsNotTriedAgain() throws Exception {
        HttpResponse<String> response = send(request("/api/activities/fail").header("Authorization", bearer()));

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        String correlationId = response.headers().firstValue("X-Correlation-Id").orElseThrow();
        assertThat(response.body())
                .contains("\"type\":\"urn:fulian:problem:service-error\"")
                .contains("活动服务处理出错")
                .contains("\"correlationId\":\"" + correlationId + "\"");
        assertThat(ACTIVITY.hits("GET", "/api/activities/fail")).isEqualTo(1);
    }

    @Test
    void answersOfTheCallersMistakesNeverOpenTheBreaker() throws Exception {
        for (int i = 0; i < 8; i++) {
            assertThat(send(request("/api/activities/missing").header("Authorization", bearer()))
                            .statusCode())
                    .isEqualTo(404);
        }

        HttpResponse<String> next = send(request("/api/activities/list").header("Authorization", bearer()));

        assertThat(next.statusCode()).isEqualTo(200);
        assertThat(ACTIVITY.hits("GET", "/api/activities/list")).isEqualTo(1);
    }

    @Test
    void aServiceThatKeepsHangingHasItsBreakerOpenedAndIsAnswered503FasterThanItsTimeout() throws Exception {
        List<CompletableFuture<HttpResponse<String>>> hung = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            hung.add(http.sendAsync(
                    request("/api/rights/hang")
                            .header("Authorization", bearer())
                            .build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        for (CompletableFuture<HttpResponse<String>> call : hung) {
            assertThat(call.get().statusCode()).isEqualTo(504);
        }

        long start = System.nanoTime();
        HttpResponse<String> refused = send(request("/api/rights/cases").header("Authorization", bearer()));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(took).isLessThan(TIMEOUT.dividedBy(2));
        assertThat(refused.headers().firstValue("Retry-After"))
                .as("how long the breaker stays open")
                .hasValue("60");
        assertThat(refused.body())
                .contains("\"type\":\"urn:fulian:problem:service-unavailable\"")
                .contains("维权服务近期多次出错,已暂停转发,请60秒后重试")
                .contains("calls to it are paused; try again in 60 seconds");
        assertThat(RIGHTS.hits("GET", "/api/rights/cases"))
                .as("refused by the gateway")
                .isZero();

        HttpResponse<String> write = send(request("/api/rights/cases")
                .header("Authorization", bearer())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(write.statusCode()).as("writes share the service's breaker").isEqualTo(503);
        assertThat(RIGHTS.hits("POST", "/api/rights/cases")).isZero();
    }

    private String bearer() {
        return "Bearer " + token;
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
