package cn.fulian.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole platform as separate processes with the real Keycloak: tokens from Keycloak's password grant, requests
 * through the gateway and straight to the services, then a clean stop and a restart on the same state.
 */
@TestMethodOrder(OrderAnnotation.class)
class PlatformSmokeTest {

    private static final Path ROOT =
            Path.of(System.getProperty("platform.root", "..")).toAbsolutePath().normalize();
    private static final Path STATE = Path.of(System.getProperty("platform.state", "target/platform-state"))
            .toAbsolutePath()
            .normalize();
    private static final String GATEWAY = "http://127.0.0.1:" + LaunchedPlatform.GATEWAY_PORT;
    private static final String TOKEN_URL =
            "http://127.0.0.1:" + LaunchedPlatform.KEYCLOAK_PORT + "/realms/fulian/protocol/openid-connect/token";

    private static final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper json = JsonMapper.builder().build();

    private static LaunchedPlatform platform;

    @BeforeAll
    static void startPlatform() throws IOException {
        platform = LaunchedPlatform.start(ROOT, STATE, "first");
        System.out.println("[platform] ready in " + platform.startTime().toMillis() / 1000.0 + " s");
    }

    @AfterAll
    static void stopPlatformLeavingNoProcessBehind() throws InterruptedException {
        if (platform != null) {
            platform.stopAndAssertNothingIsLeft();
        }
    }

    @Test
    @Order(1)
    void districtTokenSeesItsOwnUnitThroughTheGateway() throws Exception {
        String token = token("gulou-staff");

        for (String api : LaunchedPlatform.SERVICE_PORTS.keySet()) {
            HttpResponse<String> response = get(GATEWAY + "/api/" + api + "/me", token);

            assertThat(response.statusCode()).as("GET /api/%s/me", api).isEqualTo(200);
            JsonNode me = json.readTree(response.body());
            assertThat(me.path("username").asString()).isEqualTo("gulou-staff");
            assertThat(me.path("unitPath").asString()).isEqualTo("350100/350102");
            assertThat(me.path("unitCode").asString()).isEqualTo("350102");
            assertThat(me.path("level").asString()).isEqualTo("DISTRICT");
        }
    }

    @Test
    @Order(2)
    void townshipTokenCarriesTheFullPathDownToItsSubDistrict() throws Exception {
        HttpResponse<String> response = get(GATEWAY + "/api/planning/me", token("gudong-staff"));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode me = json.readTree(response.body());
        assertThat(me.path("unitPath").asString()).isEqualTo("350100/350102/350102001");
        assertThat(me.path("level").asString()).isEqualTo("TOWNSHIP");
    }

    @Test
    @Order(3)
    void requestWithoutTokenIsRejectedByTheGateway() throws Exception {
        for (String api : LaunchedPlatform.SERVICE_PORTS.keySet()) {
            assertThat(get(GATEWAY + "/api/" + api + "/me", null).statusCode())
                    .as("GET /api/%s/me without a token", api)
                    .isEqualTo(401);
        }
    }

    @Test
    @Order(4)
    void tokenWithBrokenSignatureIsRejectedByTheGateway() throws Exception {
        String forged = withBrokenSignature(token("gulou-staff"));

        for (String api : LaunchedPlatform.SERVICE_PORTS.keySet()) {
            assertThat(get(GATEWAY + "/api/" + api + "/me", forged).statusCode())
                    .as("GET /api/%s/me with a forged token", api)
                    .isEqualTo(401);
        }
    }

    @Test
    @Order(5)
    void servicesCheckTokensThemselvesWhenCalledPastTheGateway() throws Exception {
        String forged = withBrokenSignature(token("gulou-staff"));

        for (Map.Entry<String, Integer> service : LaunchedPlatform.SERVICE_PORTS.entrySet()) {
            String url = "http://127.0.0.1:" + service.getValue() + "/api/" + service.getKey() + "/me";
            assertThat(get(url, forged).statusCode())
                    .as("forged token straight to %s", url)
                    .isEqualTo(401);
            assertThat(get(url, null).statusCode())
                    .as("no token straight to %s", url)
                    .isEqualTo(401);
        }
    }

    @Test
    @Order(100)
    void stopLeavesNothingRunningAndARestartOnTheSameStateKeepsItsData() throws Exception {
        platform.stopAndAssertNothingIsLeft();
        assertThat(STATE.resolve("keycloak/data/h2")).as("Keycloak's database").isDirectory();
        assertThat(STATE.resolve("kafka/logs/meta.properties"))
                .as("Kafka's formatted log dir")
                .isRegularFile();
        assertThat(STATE.resolve("mongo/data.mv"))
                .as("the Mongo-wire server's H2 file")
                .isRegularFile();

        platform = LaunchedPlatform.start(ROOT, STATE, "restart");
        System.out.println("[platform] restarted in " + platform.startTime().toMillis() / 1000.0 + " s");

        HttpResponse<String> response = get(GATEWAY + "/api/reports/me", token("gulou-staff"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json.readTree(response.body()).path("unitPath").asString()).isEqualTo("350100/350102");
    }

    private static String token(String username) throws IOException, InterruptedException {
        Map<String, String> form =
                Map.of("grant_type", "password", "client_id", "fulian-web", "username", username, "password", "demo");
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(TOKEN_URL))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode())
                .as("token for %s: %s", username, response.body())
                .isEqualTo(200);
        return json.readTree(response.body()).path("access_token").asString();
    }

    private static HttpResponse<String> get(String url, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Changes characters inside the signature segment. Not the last one: its low bits are base64 padding, and changing
     * only those can leave the decoded signature, and so its validity, unchanged.
     */
    private static String withBrokenSignature(String jwt) {
        int dot = jwt.lastIndexOf('.');
        char[] token = jwt.toCharArray();
        for (int i : new int[] {dot + 5, dot + (jwt.length() - dot) / 2}) {
            token[i] = token[i] == 'A' ? 'B' : 'A';
        }
        return new String(token);
    }
}
