package cn.fulian.infra.keycloak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code infra.jar realm}: a deployment's realm, with its secrets from the environment and its public address. */
class RealmCommandTest {

    /** The checkout: the tests run in {@code infra/}. */
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    private static final String QINGXI = "federations/qingxi/federation.yaml";

    private static final Map<String, String> SECRETS = Map.of(
            "GATEWAY_CLIENT_SECRET", "gw-0123456789abcdef0123456789abcdef",
            "KEYCLOAK_ADMIN_API_SECRET", "api-0123456789abcdef0123456789abcdef",
            "INITIAL_ADMIN_PASSWORD", "First-Pass-0123456789");

    @TempDir
    Path dir;

    @Test
    void writesTheRealmWithTheSecretsFromTheEnvironmentAndOnlyThePublicAddressToReturnTo() throws Exception {
        Path out = dir.resolve("realm.json");

        int exit = RealmCommand.run(
                List.of(
                        "--settings",
                        QINGXI,
                        "--out",
                        out.toString(),
                        "--public-url",
                        "https://fulian.qingxi.example.cn"),
                SECRETS,
                ROOT);

        assertThat(exit).isZero();
        JsonNode realm = JsonMapper.builder().build().readTree(Files.readString(out));
        assertThat(client(realm, "fulian-gateway").path("secret").asString())
                .isEqualTo(SECRETS.get("GATEWAY_CLIENT_SECRET"));
        assertThat(client(realm, "fulian-admin-api").path("secret").asString())
                .isEqualTo(SECRETS.get("KEYCLOAK_ADMIN_API_SECRET"));
        assertThat(redirects(client(realm, "fulian-gateway"))).containsExactly("https://fulian.qingxi.example.cn/*");
        assertThat(redirects(client(realm, "fulian-web"))).containsExactly("https://fulian.qingxi.example.cn/*");
        JsonNode admin = realm.path("users").path(0);
        assertThat(admin.path("username").asString()).isEqualTo("admin");
        assertThat(admin.path("credentials").path(0).path("value").asString())
                .isEqualTo(SECRETS.get("INITIAL_ADMIN_PASSWORD"));
        assertThat(realm.path("sslRequired").asString()).isEqualTo("external");
    }

    @Test
    void thePublicAddressOfTheSettingsIsUsedUnlessTheCommandLineNamesAnother() throws Exception {
        Path settings = dir.resolve("federation.yaml");
        Files.writeString(settings, """
                federation:
                  name: 清溪县妇联
                  root: { code: "350199", name: 清溪县, type: COUNTY }
                  tree: classpath:seed/org-units.yaml
                  publicUrl: https://fulian.qingxi.example.cn
                """);

        RealmCommand.Request fromSettings =
                RealmCommand.parse(List.of("--settings", settings.toString(), "--out", "x.json"), SECRETS, ROOT);
        RealmCommand.Request fromCommandLine = RealmCommand.parse(
                List.of("--settings", settings.toString(), "--out", "x.json", "--public-url", "http://127.0.0.1:8080/"),
                SECRETS,
                ROOT);

        assertThat(fromSettings.publicUrl()).isEqualTo("https://fulian.qingxi.example.cn");
        JsonNode realm = JsonMapper.builder().build().readTree(RealmCommand.realm(fromCommandLine));
        assertThat(fromCommandLine.publicUrl()).isEqualTo("http://127.0.0.1:8080");
        assertThat(redirects(client(realm, "fulian-gateway")))
                .containsExactly("http://127.0.0.1:8080/*", "http://localhost:8080/*");
    }

    @Test
    void refusesToRunWithoutEverySecretNamingEachMissingOneAndHowToMakeIt() {
        assertThatThrownBy(() -> RealmCommand.parse(
                        List.of("--settings", QINGXI, "--out", "x.json", "--public-url", "https://f.example.cn"),
                        Map.of(),
                        ROOT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("GATEWAY_CLIENT_SECRET: not set")
                .hasMessageContaining("KEYCLOAK_ADMIN_API_SECRET: not set")
                .hasMessageContaining("INITIAL_ADMIN_PASSWORD: not set")
                .hasMessageContaining("openssl rand");
        assertThat(RealmCommand.run(
                        List.of(
                                "--settings",
                                QINGXI,
                                "--out",
                                dir.resolve("r.json").toString(),
                                "--public-url",
                                "https://f.example.cn"),
                        Map.of(),
                        ROOT))
                .isEqualTo(2);
        assertThat(dir.resolve("r.json")).doesNotExist();
    }

    @Test
    void refusesShortSecretsAndTheExampleSecretOfTheTemplate() {
        Map<String, String> weak = new HashMap<>(SECRETS);
        weak.put("GATEWAY_CLIENT_SECRET", "fulian-gateway-secret");
        weak.put("INITIAL_ADMIN_PASSWORD", "admin");

        assertThatThrownBy(() -> RealmCommand.parse(
                        List.of("--settings", QINGXI, "--out", "x.json", "--public-url", "https://f.example.cn"),
                        weak,
                        ROOT))
                .hasMessageContaining("GATEWAY_CLIENT_SECRET: is the example value committed in the realm template")
                .hasMessageContaining("INITIAL_ADMIN_PASSWORD: shorter than 16 characters");
    }

    @Test
    void aFederationWithoutAPublicAddressNeedsOneOnTheCommandLine() {
        assertThatThrownBy(() -> RealmCommand.parse(List.of("--settings", QINGXI, "--out", "x.json"), SECRETS, ROOT))
                .hasMessageContaining("--public-url: required");
        assertThatThrownBy(() -> RealmCommand.parse(
                        List.of("--settings", QINGXI, "--out", "x.json", "--public-url", "fulian.example.cn"),
                        SECRETS,
                        ROOT))
                .hasMessageContaining("--public-url: must be an http(s) address");
    }

    @Test
    void namesMissingAndUnknownOptions() {
        assertThatThrownBy(() -> RealmCommand.parse(List.of("--federation", "x"), SECRETS, ROOT))
                .hasMessageContaining("unknown option --federation")
                .hasMessageContaining("--settings: required")
                .hasMessageContaining("--out: required");
    }

    private static JsonNode client(JsonNode realm, String clientId) {
        for (JsonNode client : realm.path("clients")) {
            if (clientId.equals(client.path("clientId").asString())) {
                return client;
            }
        }
        throw new AssertionError("no client " + clientId);
    }

    private static List<String> redirects(JsonNode client) {
        List<String> uris = new ArrayList<>();
        client.path("redirectUris").forEach(u -> uris.add(u.asString()));
        return uris;
    }
}
