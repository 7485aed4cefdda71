package cn.fulian.infra.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fulian.infra.federation.FederationSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The realm each installation imports is made from the template and the federation's settings. */
class RealmGeneratorTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNode TEMPLATE =
            JSON.readTree(Path.of("keycloak", "fulian-realm.json").toFile());

    private static final FederationSettings QINGXI = new FederationSettings(
            Path.of("/x/qingxi/federation.yaml"),
            "清溪县妇联",
            "350199",
            "清溪县",
            "COUNTY",
            "file:/x/qingxi/org-units.yaml",
            Optional.of("https://fulian.qingxi.example.cn"),
            false);

    private static final FederationSettings FUZHOU = new FederationSettings(
            Path.of("/x/fuzhou/federation.yaml"),
            "福州市妇联",
            "350100",
            "福州市",
            "CITY",
            "classpath:seed/org-units.yaml",
            Optional.empty(),
            true);

    @Test
    void withoutTheDemoTheOnlyPersonIsTheRootAdministratorWhoMustChooseANewPassword() {
        JsonNode realm = generate(QINGXI);

        List<String> people = new ArrayList<>();
        realm.path("users").forEach(u -> {
            if (u.path("serviceAccountClientId").isMissingNode()) {
                people.add(u.path("username").asString());
            }
        });
        assertThat(people).containsExactly("admin");
        JsonNode admin = user(realm, "admin");
        assertThat(admin.path("attributes").path("org_unit").path(0).asString()).isEqualTo("350199");
        assertThat(admin.path("credentials").path(0).path("value").asString()).isEqualTo("first-pass-123");
        assertThat(admin.path("credentials").path(0).path("temporary").asBoolean())
                .isTrue();
        assertThat(admin.path("realmRoles").toString()).contains("\"admin\"");
        assertThat(realm.path("displayName").asString()).isEqualTo("清溪县妇联工作平台");
    }

    @Test
    void aRealInstallationGetsAProductionRealm() {
        JsonNode realm = generate(QINGXI);

        assertThat(realm.path("bruteForceProtected").asBoolean()).isTrue();
        assertThat(realm.path("sslRequired").asString()).isEqualTo("external");
        assertThat(realm.path("accessTokenLifespan").asInt()).isBetween(300, 900);
        assertThat(client(realm, "fulian-web").path("directAccessGrantsEnabled").asBoolean())
                .as("people log in on Keycloak's page, scripts get no password grant")
                .isFalse();
        assertThat(realm.toString()).doesNotContain("\"value\":\"demo\"");
    }

    @Test
    void theDemoKeepsItsConveniencesAndSaysSoInItsName() {
        JsonNode realm = generate(FUZHOU);

        assertThat(realm.path("displayName").asString()).isEqualTo("福州市妇联工作平台（演示）");
        assertThat(client(realm, "fulian-web").path("directAccessGrantsEnabled").asBoolean())
                .isTrue();
        assertThat(realm.path("accessTokenLifespan").asInt()).isEqualTo(3600);
    }

    @Test
    void theDemoKeepsTheTemplatesAccountsWithTheirDemoPasswords() {
        JsonNode realm = generate(FUZHOU);

        for (DemoAccounts.DemoAccount account : DemoAccounts.ALL) {
            assertThat(user(realm, account.username())
                            .path("credentials")
                            .path(0)
                            .path("value")
                            .asString())
                    .isEqualTo(DemoAccounts.PASSWORD);
        }
    }

    @Test
    void browsersMayReturnToTheLocalGatewayAndThePublicAddressOnly() {
        JsonNode realm = generate(QINGXI);

        for (String clientId : List.of("fulian-web", "fulian-gateway")) {
            List<String> uris = new ArrayList<>();
            client(realm, clientId).path("redirectUris").forEach(u -> uris.add(u.asString()));
            assertThat(uris)
                    .as(clientId)
                    .containsExactly(
                            "http://127.0.0.1:28080/*",
                            "http://localhost:28080/*",
                            "https://fulian.qingxi.example.cn/*");
        }
    }

    @Test
    void theGatewaySecretIsTheInstallationsOwnNeverTheTemplatesDefault() {
        JsonNode realm = generate(FUZHOU);

        assertThat(client(realm, "fulian-gateway").path("secret").asString()).isEqualTo("gateway-secret-xyz");
        assertThat(TEMPLATE.toString()).contains("fulian-gateway-secret");
        assertThat(realm.toString()).doesNotContain("fulian-gateway-secret");
    }

    @Test
    void userManagementRunsAsAServiceAccountThatMayManageUsersAndNothingElse() {
        JsonNode realm = generate(QINGXI);

        JsonNode client = client(realm, RealmGenerator.ADMIN_API_CLIENT);
        assertThat(client.path("publicClient").asBoolean()).isFalse();
        assertThat(client.path("serviceAccountsEnabled").asBoolean()).isTrue();
        assertThat(client.path("standardFlowEnabled").asBoolean()).isFalse();
        assertThat(client.path("directAccessGrantsEnabled").asBoolean()).isFalse();
        assertThat(client.path("secret").asString()).isEqualTo("admin-api-secret-abc");
        JsonNode account = user(realm, "service-account-" + RealmGenerator.ADMIN_API_CLIENT);
        List<String> roles = new ArrayList<>();
        account.path("clientRoles").path("realm-management").forEach(r -> roles.add(r.asString()));
        assertThat(roles).containsExactlyInAnyOrder("manage-users", "view-users", "query-users");
        assertThat(account.path("realmRoles").isMissingNode()).isTrue();
    }

    @Test
    void aFirstLoginAsksForNoEmailOrNameButStillChecksTheUnitPath() {
        JsonNode realm = generate(QINGXI);

        String config = realm.path("components")
                .path("org.keycloak.userprofile.UserProfileProvider")
                .path(0)
                .path("config")
                .path("kc.user.profile.config")
                .path(0)
                .asString();
        JsonNode profile = JSON.readTree(config);
        for (JsonNode attribute : profile.path("attributes")) {
            String name = attribute.path("name").asString();
            if (List.of("email", "firstName", "lastName").contains(name)) {
                assertThat(attribute.path("required").isMissingNode()).as(name).isTrue();
            }
            if (name.equals("org_unit")) {
                assertThat(attribute
                                .path("validations")
                                .path("pattern")
                                .path("pattern")
                                .asString())
                        .isNotBlank();
            }
        }
    }

    private static JsonNode generate(FederationSettings federation) {
        return JSON.readTree(RealmGenerator.generate(
                TEMPLATE,
                federation,
                "http://127.0.0.1:28080",
                "gateway-secret-xyz",
                "admin-api-secret-abc",
                federation.demo() ? "" : "first-pass-123"));
    }

    private static JsonNode user(JsonNode realm, String username) {
        for (JsonNode user : realm.path("users")) {
            if (user.path("username").asString().equals(username)) {
                return user;
            }
        }
        throw new AssertionError("no user " + username);
    }

    private static JsonNode client(JsonNode realm, String clientId) {
        for (JsonNode client : realm.path("clients")) {
            if (client.path("clientId").asString().equals(clientId)) {
                return client;
            }
        }
        throw new AssertionError("no client " + clientId);
    }
}
