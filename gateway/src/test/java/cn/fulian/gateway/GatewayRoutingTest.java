package cn.fulian.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fulian.starter.test.PrometheusScrape;
import com.nimbusds.jose.jwk.RSAKey;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway in front of a recording HTTP backend that also serves the signing keys, like Keycloak's JWKS endpoint:
 * tokens are really signed and really validated.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayRoutingTest {

    static final RSAKey KEY = TestTokens.newKey("realm-key");
    static final RSAKey OTHER_KEY = TestTokens.newKey("attacker-key");
    static final Map<String, Map<String, String>> SEEN = new ConcurrentHashMap<>();
    /** The first request for the signing keys is accepted and not answered, like a Keycloak that hangs once. */
    static final AtomicInteger KEY_FETCHES = new AtomicInteger();

    static final CountDownLatch RELEASE_FIRST_KEY_FETCH = new CountDownLatch(1);
    static final HttpServer BACKEND = backend();
    static final String BASE = "http://127.0.0.1:" + BACKEND.getAddress().getPort();
    static final String ISSUER = BASE + "/realms/fulian";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry r) {
        r.add("fulian.keycloak-url", () -> BASE);
        r.add("fulian.gateway.planning-url", () -> BASE);
        r.add("fulian.gateway.activity-url", () -> BASE);
        r.add("fulian.gateway.rights-url", () -> BASE);
        r.add("fulian.gateway.reporting-url", () -> BASE);
        r.add("fulian.gateway.max-request-size", () -> "4KB");
        r.add("fulian.gateway.key-fetch-timeout", () -> "2s");
    }

    @AfterAll
    static void stop() {
        RELEASE_FIRST_KEY_FETCH.countDown();
        BACKEND.stop(0);
    }

    @Value("${local.server.port}")
    int port;

    @Value("${local.management.port}")
    int managementPort;

    /** HTTP/1.1 as browsers and scripts mostly speak it to a gateway; a timeout turns a lost answer into a failure. */
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    @BeforeEach
    void forget() {
        SEEN.clear();
    }

    @Test
    void aValidTokenIsRoutedToEachServiceWithTheAuthorizationHeaderUnchanged() throws Exception {
        String token = token(KEY, ISSUER, "fulian-api", Instant.now().plusSeconds(300));
        for (String service : List.of("planning", "activities", "rights", "reports")) {
            HttpResponse<String> response = get("/api/" + service + "/me", token);

            assertThat(response.statusCode()).as(service).isEqualTo(200);
            assertThat(response.body()).isEqualTo("backend:/api/" + service + "/me");
            assertThat(SEEN.get("/api/" + service + "/me")).containsEntry("authorization", "Bearer " + token);
            assertThat(SEEN.get("/api/" + service + "/me").get("x-correlation-id"))
                    .isNotBlank();
        }
    }

    @Test
    void noTokenABadSignatureAWrongIssuerAudienceOrAnExpiredTokenAre401AndNeverReachAService() throws Exception {
        Instant later = Instant.now().plusSeconds(300);
        String good = token(KEY, ISSUER, "fulian-api", later);
        String brokenSignature = good.substring(0, good.length() - 6) + (good.endsWith("AAAAAA") ? "BBBBBB" : "AAAAAA");
        Map<String, String> bad = Map.of(
                "none", "",
                "broken signature", brokenSignature,
                "other key", token(OTHER_KEY, ISSUER, "fulian-api", later),
                "wrong issuer", token(KEY, "http://evil.example/realms/fulian", "fulian-api", later),
                "wrong audience", token(KEY, ISSUER, "account", later),
                "expired", token(KEY, ISSUER, "fulian-api", Instant.now().minusSeconds(600)),
                "alg none", unsigned());

        for (var e : bad.entrySet()) {
            HttpResponse<String> response = get("/api/planning/me", e.getValue());
            assertThat(response.statusCode()).as(e.getKey()).isEqualTo(401);
            assertThat(response.body()).as(e.getKey()).contains("Unauthorized");
        }
        assertThat(SEEN).doesNotContainKey("/api/planning/me");
    }

    @Test
    void aKeyFetchThatHangsIsAbandonedAndRetriedSoTokensAreStillServed() throws Exception {
        String token = token(KEY, ISSUER, "fulian-api", Instant.now().plusSeconds(300));

        HttpResponse<String> response = get("/api/planning/me", token);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(KEY_FETCHES.get()).as("the hung fetch and its retry").isGreaterThanOrEqualTo(2);
        assertThat(RELEASE_FIRST_KEY_FETCH.getCount())
                .as("the first fetch is still hanging")
                .isEqualTo(1);
    }

    @Test
    void aBodyOverTheLimitIs413() throws Exception {
        String token = token(KEY, ISSUER, "fulian-api", Instant.now().plusSeconds(300));
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/planning/plans"))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"x\":\"" + "a".repeat(8_000) + "\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(SEEN).doesNotContainKey("/api/planning/plans");
    }

    @Test
    void eachServicesOpenApiIsReachableThroughTheGatewayWithoutAToken() throws Exception {
        HttpResponse<String> response = get("/api/rights/v3/api-docs", "");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("backend:/v3/api-docs");
    }

    @Test
    void healthAndMetricsAreServedOnTheManagementPort() throws Exception {
        HttpResponse<String> health = getFrom(managementPort, "/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"UP\"");

        get(
                "/api/planning/plans",
                token(KEY, ISSUER, "fulian-api", Instant.now().plusSeconds(300)));
        HttpResponse<String> metrics = getFrom(managementPort, "/actuator/prometheus");
        assertThat(metrics.statusCode()).isEqualTo(200);
        PrometheusScrape scrape = PrometheusScrape.parse(metrics.body());
        assertThat(scrape.samples("spring_cloud_gateway_requests_seconds_bucket", Map.of("routeId", "planning-reads")))
                .as("a latency histogram per route")
                .isNotEmpty();
        assertThat(scrape.samples("jvm_memory_used_bytes")).isNotEmpty();
    }

    @Test
    void neitherMetricsNorHealthAreReachableThroughThePublicPort() throws Exception {
        for (String path : List.of("/actuator/prometheus", "/actuator/health", "/actuator/info")) {
            HttpResponse<String> response = get(path, "");
            assertThat(response.statusCode()).as(path).isEqualTo(404);
        }
        // not public: the login's answer, never the endpoint list
        assertThat(get("/actuator", "").statusCode()).isNotEqualTo(200);
        assertThat(SEEN).as("nothing routed to a service").isEmpty();
    }

    @Test
    void theSessionEndpointAnswersABearerCallerWithItsUnitLevelAndPlatformRoles() throws Exception {
        String token = token(KEY, ISSUER, "fulian-api", Instant.now().plusSeconds(300));

        HttpResponse<String> response = get("/api/session", token);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains("\"username\":\"gulou-staff\"")
                .contains("\"unitPath\":\"350100/350102\"")
                .contains("\"unitCode\":\"350102\"")
                .contains("\"level\":\"DISTRICT\"")
                .contains("\"levelLabel\":\"区县级\"")
                .contains("\"roles\":[\"district\"]")
                .doesNotContain(token);
    }

    @Test
    void aBrowserWithoutASessionIsSentToKeycloakWithPkceAnApiReadGets401AndAWriteWithoutCsrfTokenGets403()
            throws Exception {
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                .header("Accept", "text/html")
                .build());
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).hasValue("/oauth2/authorization/keycloak");

        HttpResponse<String> start =
                send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/oauth2/authorization/keycloak"))
                        .build());
        assertThat(start.statusCode()).isEqualTo(302);
        String location = start.headers().firstValue("Location").orElseThrow();
        assertThat(location)
                .startsWith(ISSUER + "/protocol/openid-connect/auth?")
                .contains("client_id=fulian-gateway")
                .contains("code_challenge_method=S256")
                .contains("code_challenge=")
                .contains("redirect_uri=http://127.0.0.1:" + port + "/login/oauth2/code/keycloak");

        HttpResponse<String> api =
                send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/planning/plans"))
                        .header("Accept", "text/html")
                        .build());
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.body()).contains("Unauthorized");

        HttpResponse<String> forged =
                send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/planning/plans"))
                        .header("Content-Type", "application/json")
                        .header("Cookie", "SESSION=stolen-or-made-up")
                        .POST(HttpRequest.BodyPublishers.ofString("{}"))
                        .build());
        assertThat(forged.statusCode())
                .as("a cookie-carrying write without the CSRF header")
                .isEqualTo(403);
        assertThat(SEEN).doesNotContainKey("/api/planning/plans");
    }

    @Test
    void libraryFilesAreCachedForAYearAndTheConsolesOwnFilesAreRevalidated() throws Exception {
        HttpResponse<String> vue = get("/webjars/vue/3.5.26/dist/vue.esm-browser.prod.js", "");
        assertThat(vue.statusCode()).isEqualTo(200);
        assertThat(vue.headers().firstValue("Cache-Control").orElse(""))
                .contains("max-age=31536000")
                .contains("immutable");

        HttpResponse<String> main = get("/js/main.js", "");
        assertThat(main.statusCode()).isEqualTo(200);
        assertThat(main.headers().firstValue("Cache-Control").orElse("")).contains("no-cache");
        assertThat(main.headers().firstValue("Last-Modified")).isPresent();
        assertThat(main.headers().firstValue("Content-Security-Policy").orElse(""))
                .contains("default-src 'self'")
                .contains("frame-ancestors 'none'");

        HttpResponse<String> vendor = get("/js/vendor/vue.js", "");
        assertThat(vendor.body()).contains("/webjars/vue/3.5.26/dist/vue.esm-browser.prod.js");
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> getFrom(int otherPort, String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + otherPort + path))
                        .timeout(Duration.ofSeconds(60))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60));
        if (!token.isEmpty()) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String token(RSAKey key, String issuer, String audience, Instant expires) {
        return TestTokens.sign(key, KEY.getKeyID(), issuer, audience, expires);
    }

    static String unsigned() {
        java.util.Base64.Encoder b64 = java.util.Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String body = b64.encodeToString(("{\"iss\":\"" + ISSUER + "\",\"aud\":\"fulian-api\",\"exp\":"
                        + Instant.now().plusSeconds(300).getEpochSecond() + ",\"org_unit\":\"350100\"}")
                .getBytes(StandardCharsets.UTF_8));
        return header + "." + body + ".";
    }

    private static HttpServer backend() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext(TestTokens.CERTS, exchange -> {
                if (KEY_FETCHES.incrementAndGet() == 1) {
                    try {
                        RELEASE_FIRST_KEY_FETCH.await(120, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                byte[] body = TestTokens.jwks(KEY);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.createContext("/", exchange -> {
                Map<String, String> headers = new ConcurrentHashMap<>();
                exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v.get(0)));
                SEEN.put(exchange.getRequestURI().getPath(), headers);
                exchange.getRequestBody().readAllBytes();
                byte[] body = ("backend:" + exchange.getRequestURI().getPath()).getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            // a thread per exchange, as a real server has: a held request does not stall the others
            server.setExecutor(Executors.newCachedThreadPool());
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
