package cn.fulian.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fulian.system.PlatformApi.Answer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * The whole platform as separate processes with the real Keycloak: tokens from Keycloak's password grant, requests
 * through the gateway and straight to the services, then a clean stop and a restart on the same state.
 */
@TestMethodOrder(OrderAnnotation.class)
class PlatformSmokeTest {

    private static final Path ROOT = LaunchedPlatform.root();
    private static final Path STATE = LaunchedPlatform.stateFolder("platform.state", "platform-state");
    private static final String GATEWAY = PlatformApi.GATEWAY;

    private static final PlatformApi api = new PlatformApi();

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
            Answer response = get(GATEWAY + "/api/" + api + "/me", token);

            assertThat(response.status()).as("GET /api/%s/me", api).isEqualTo(200);
            JsonNode me = response.json();
            assertThat(me.path("username").asString()).isEqualTo("gulou-staff");
            assertThat(me.path("unitPath").asString()).isEqualTo("350100/350102");
            assertThat(me.path("unitCode").asString()).isEqualTo("350102");
            assertThat(me.path("level").asString()).isEqualTo("DISTRICT");
        }
    }

    @Test
    @Order(2)
    void townshipTokenCarriesTheFullPathDownToItsSubDistrict() throws Exception {
        Answer response = get(GATEWAY + "/api/planning/me", token("gudong-staff"));

        assertThat(response.status()).isEqualTo(200);
        JsonNode me = response.json();
        assertThat(me.path("unitPath").asString()).isEqualTo("350100/350102/350102001");
        assertThat(me.path("level").asString()).isEqualTo("TOWNSHIP");
    }

    @Test
    @Order(3)
    void requestWithoutTokenIsRejectedByTheGateway() throws Exception {
        for (String api : LaunchedPlatform.SERVICE_PORTS.keySet()) {
            assertThat(get(GATEWAY + "/api/" + api + "/me", null).status())
                    .as("GET /api/%s/me without a token", api)
                    .isEqualTo(401);
        }
    }

    @Test
    @Order(4)
    void tokenWithBrokenSignatureIsRejectedByTheGateway() throws Exception {
        String forged = withBrokenSignature(token("gulou-staff"));

        for (String api : LaunchedPlatform.SERVICE_PORTS.keySet()) {
            assertThat(get(GATEWAY + "/api/" + api + "/me", forged).status())
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
            assertThat(get(url, forged).status())
                    .as("forged token straight to %s", url)
                    .isEqualTo(401);
            assertThat(get(url, null).status())
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

        Answer response = get(GATEWAY + "/api/reports/me", token("gulou-staff"));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("unitPath").asString()).isEqualTo("350100/350102");
    }

    private static String token(String username) {
        return api.freshToken(username);
    }

    private static Answer get(String url, String token) {
        return api.get(url, token);
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
