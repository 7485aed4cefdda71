package cn.fulian.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fulian.system.PlatformApi.Answer;
import java.nio.file.Path;
import java.util.Map;

/**
 * Keycloak's own administrator, as an operator uses it to change a realm through the admin API: a token of the master
 * realm's {@code admin}, whose password the launcher keeps with the platform's state ({@link KeycloakAdminPassword}).
 */
public final class KeycloakAdmin {

    private KeycloakAdmin() {}

    /** A token for {@code <keycloakUrl>/admin/...}; {@code state} is the platform's state folder, null when attached. */
    public static String token(PlatformApi api, String keycloakUrl, Path state) {
        Answer answer = api.form(
                keycloakUrl + "/realms/master/protocol/openid-connect/token",
                Map.of(
                        "grant_type",
                        "password",
                        "client_id",
                        "admin-cli",
                        "username",
                        "admin",
                        "password",
                        KeycloakAdminPassword.of(state)));
        assertThat(answer.status())
                .as("Keycloak admin login: %s", answer.body())
                .isEqualTo(200);
        return answer.json().path("access_token").asString();
    }
}
