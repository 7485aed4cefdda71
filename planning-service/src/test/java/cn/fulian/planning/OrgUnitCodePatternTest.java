package cn.fulian.planning;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fulian.events.orgunit.DivisionCodes;
import cn.fulian.starter.scope.OrgPath;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Keycloak's user profile takes the same unit paths the services do: one regex, written once. */
class OrgUnitCodePatternTest {

    @Test
    void keycloaksOrgUnitPatternIsThePlatformsPathRegex() throws Exception {
        JsonMapper json = JsonMapper.builder().build();
        JsonNode realm = json.readTree(Files.readString(Path.of("../infra/keycloak/fulian-realm.json")));
        String profile = realm.path("components")
                .path("org.keycloak.userprofile.UserProfileProvider")
                .path(0)
                .path("config")
                .path("kc.user.profile.config")
                .path(0)
                .asString();
        String pattern = null;
        for (JsonNode attribute : json.readTree(profile).path("attributes")) {
            if (attribute.path("name").asString().equals("org_unit")) {
                pattern = attribute
                        .path("validations")
                        .path("pattern")
                        .path("pattern")
                        .asString();
            }
        }
        assertThat(pattern).isEqualTo("^" + DivisionCodes.PATH_REGEX + "$");
    }

    @Test
    void aPathKeycloakTakesIsAPathTheServicesTake() {
        String pattern = "^" + DivisionCodes.PATH_REGEX + "$";
        for (String path : new String[] {
            "350100", "350100/350102/350102001/350102001001", "350199/350199-001", "350199/350199100/350199100-001"
        }) {
            assertThat(path).matches(pattern);
            assertThat(OrgPath.isValid(path)).as(path).isTrue();
        }
        assertThat("350100/3501029").doesNotMatch(pattern);
        assertThat(OrgPath.isValid("350100/3501029")).isFalse();
    }
}
