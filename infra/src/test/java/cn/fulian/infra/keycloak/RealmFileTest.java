package cn.fulian.infra.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fulian.infra.keycloak.DemoAccounts.DemoAccount;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The realm file is what every token, and so every scope check in the services, comes from. */
class RealmFileTest {

    private static JsonNode realm;

    @BeforeAll
    static void readRealm() {
        realm = JsonMapper.builder()
                .build()
                .readTree(Path.of("keycloak", "fulian-realm.json").toFile());
    }

    @Test
    void realmIsFulianWithoutTlsAndOneHourTokens() {
        assertThat(realm.path("realm").asString()).isEqualTo("fulian");
        assertThat(realm.path("sslRequired").asString()).isEqualTo("none");
        assertThat(realm.path("accessTokenLifespan").asInt()).isEqualTo(3600);
        assertThat(realm.path("defaultLocale").asString()).isEqualTo("zh-CN");
    }

    @Test
    void everyRoleOfTheArchitectureIsARealmRoleWithADescription() {
        List<String> names = new ArrayList<>();
        for (JsonNode role : realm.path("roles").path("realm")) {
            names.add(role.path("name").asString());
            assertThat(role.path("description").asString()).isNotBlank();
        }
        assertThat(names)
                .containsExactlyInAnyOrder("city", "district", "township", "leader", "rights-officer", "admin");
    }

    @Test
    void theDemoAccountsTheLauncherPrintsAreTheRealmUsersWithTheirUnitAndRoles() {
        assertThat(realm.path("users")).hasSize(DemoAccounts.ALL.size());
        for (DemoAccount account : DemoAccounts.ALL) {
            JsonNode user = user(account.username());
            assertThat(user.path("attributes").path("org_unit").path(0).asString())
                    .as("org_unit of %s", account.username())
                    .isEqualTo(account.unitPath());
            List<String> roles = new ArrayList<>();
            user.path("realmRoles").forEach(r -> roles.add(r.asString()));
            assertThat(roles).as("roles of %s", account.username()).containsAll(account.roles());
            assertThat(user.path("credentials").path(0).path("value").asString())
                    .isEqualTo(DemoAccounts.PASSWORD);
            assertThat(user.path("credentials").path(0).path("temporary").asBoolean())
                    .isFalse();
            assertThat(user.path("emailVerified").asBoolean()).isTrue();
            assertThat(user.path("email").asString()).contains("@");
        }
    }

    @Test
    void theWebClientIsPublicWithPkceAndPasswordGrantForTests() {
        JsonNode web = client("fulian-web");
        assertThat(web.path("publicClient").asBoolean()).isTrue();
        assertThat(web.path("directAccessGrantsEnabled").asBoolean()).isTrue();
        assertThat(web.path("standardFlowEnabled").asBoolean()).isTrue();
        assertThat(web.path("attributes").path("pkce.code.challenge.method").asString())
                .isEqualTo("S256");
    }

    @Test
    void bothClientsPutTheOrgUnitClaimAndTheApiAudienceIntoTheAccessToken() {
        for (String clientId : List.of("fulian-web", "fulian-gateway")) {
            JsonNode orgUnit = mapper(clientId, "oidc-usermodel-attribute-mapper");
            assertThat(orgUnit.path("config").path("user.attribute").asString()).isEqualTo("org_unit");
            assertThat(orgUnit.path("config").path("claim.name").asString()).isEqualTo("org_unit");
            assertThat(orgUnit.path("config").path("access.token.claim").asString())
                    .isEqualTo("true");

            JsonNode audience = mapper(clientId, "oidc-audience-mapper");
            assertThat(audience.path("config").path("included.custom.audience").asString())
                    .isEqualTo("fulian-api");
            assertThat(audience.path("config").path("access.token.claim").asString())
                    .isEqualTo("true");
        }
        assertThat(client("fulian-gateway").path("publicClient").asBoolean()).isFalse();
    }

    @Test
    void theUserProfileDeclaresOrgUnitSoKeycloakKeepsTheAttribute() {
        String profile = realm.path("components")
                .path("org.keycloak.userprofile.UserProfileProvider")
                .path(0)
                .path("config")
                .path("kc.user.profile.config")
                .path(0)
                .asString();
        JsonNode attributes = JsonMapper.builder().build().readTree(profile).path("attributes");
        List<String> names = new ArrayList<>();
        attributes.forEach(a -> names.add(a.path("name").asString()));
        assertThat(names).contains("username", "email", "firstName", "lastName", "org_unit");
    }

    private static JsonNode user(String username) {
        for (JsonNode user : realm.path("users")) {
            if (user.path("username").asString().equals(username)) {
                return user;
            }
        }
        throw new AssertionError("no user " + username + " in the realm file");
    }

    private static JsonNode client(String clientId) {
        for (JsonNode client : realm.path("clients")) {
            if (client.path("clientId").asString().equals(clientId)) {
                return client;
            }
        }
        throw new AssertionError("no client " + clientId + " in the realm file");
    }

    private static JsonNode mapper(String clientId, String type) {
        for (JsonNode mapper : client(clientId).path("protocolMappers")) {
            if (mapper.path("protocolMapper").asString().equals(type)) {
                return mapper;
            }
        }
        throw new AssertionError("client " + clientId + " has no " + type);
    }
}
