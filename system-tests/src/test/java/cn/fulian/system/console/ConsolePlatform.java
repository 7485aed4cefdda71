package cn.fulian.system.console;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fulian.system.KeycloakAdmin;
import cn.fulian.system.LaunchedPlatform;
import cn.fulian.system.PlatformApi;
import cn.fulian.system.PlatformApi.Answer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The real platform for the browser test: started with {@code java -jar infra/target/infra.jar up} on the system
 * tests' port set (gateway 28080, Keycloak 28180) and stopped afterwards, or, when {@code console.gateway-url} and
 * {@code console.keycloak-url} are given, one that is already running.
 *
 * <p>Keycloak's realm lets client {@code fulian-gateway} return only to port 8080; on another port the test adds that
 * port's redirect URI through Keycloak's admin API, as an operator would for a second deployment.
 */
final class ConsolePlatform implements AutoCloseable {

    final String gatewayUrl;
    final String keycloakUrl;
    /** The platform this test started; null when it attached to one already running. */
    private final LaunchedPlatform launched;

    private final PlatformApi api;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ConsolePlatform(String gatewayUrl, String keycloakUrl, LaunchedPlatform launched) {
        this.gatewayUrl = gatewayUrl;
        this.keycloakUrl = keycloakUrl;
        this.launched = launched;
        this.api = new PlatformApi(keycloakUrl);
    }

    static ConsolePlatform startOrAttach(Path root, Path state) throws IOException {
        String gateway = System.getProperty("console.gateway-url");
        String keycloak = System.getProperty("console.keycloak-url");
        if (gateway != null && keycloak != null) {
            return new ConsolePlatform(gateway, keycloak, null);
        }
        // Keycloak's realm and its administrator are made afresh: an earlier run's database may hold another realm or
        // another administrator password than the state's secrets now say
        LaunchedPlatform.clearState(state, LaunchedPlatform.KEYCLOAK_DATABASE);
        LaunchedPlatform launched = LaunchedPlatform.start(root, state, "console");
        return new ConsolePlatform(
                "http://127.0.0.1:" + LaunchedPlatform.GATEWAY_PORT,
                "http://127.0.0.1:" + LaunchedPlatform.KEYCLOAK_PORT,
                launched);
    }

    /** Lets {@code fulian-gateway} return to this gateway's address after login and logout. */
    void allowGatewayRedirects() {
        String pattern = gatewayUrl + "/*";
        String admin = KeycloakAdmin.token(api, keycloakUrl, launched == null ? null : launched.state());
        String clients = keycloakUrl + "/admin/realms/fulian/clients";
        JsonNode found =
                api.get(clients + "?clientId=fulian-gateway", admin).expect(200).json();
        assertThat(found.size()).as("client fulian-gateway in realm fulian").isEqualTo(1);
        ObjectNode client = (ObjectNode) found.get(0);
        ArrayNode uris = (ArrayNode) client.get("redirectUris");
        for (JsonNode uri : uris) {
            if (uri.asString().equals(pattern)) {
                return;
            }
        }
        uris.add(pattern);
        Answer put = api.put(clients + "/" + client.get("id").asString(), admin, client);
        assertThat(put.status()).as("updating fulian-gateway: %s", put.body()).isEqualTo(204);
    }

    /** A user's token from Keycloak's public client, for checking through the API what the browser did. */
    String token(String username) {
        return api.freshToken(username);
    }

    JsonNode get(String path, String token) {
        return api.get(gatewayUrl + path, token).expect(200).json();
    }

    /** A file the gateway serves to a user, as the browser would download it. */
    byte[] download(String path, String token) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(
                HttpRequest.newBuilder(URI.create(gatewayUrl + path))
                        .header("Authorization", "Bearer " + token)
                        .timeout(Duration.ofSeconds(30))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as("GET %s", path).isEqualTo(200);
        return response.body();
    }

    /** Stops a platform this test started (SIGTERM as Ctrl-C would), and whatever it left running. */
    @Override
    public void close() {
        if (launched == null) {
            return;
        }
        try {
            launched.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
