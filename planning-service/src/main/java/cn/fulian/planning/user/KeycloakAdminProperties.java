package cn.fulian.planning.user;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the planning service reaches Keycloak's Admin REST API: as the confidential client {@code clientId} with its
 * service account (roles {@code manage-users}, {@code view-users}, {@code query-users} of {@code realm-management}).
 * Without a {@code clientSecret} user management answers 503 and the directory is not synchronised.
 */
@ConfigurationProperties("fulian.users.keycloak")
public record KeycloakAdminProperties(String url, String realm, String clientId, String clientSecret) {

    public boolean configured() {
        return url != null && !url.isBlank() && clientSecret != null && !clientSecret.isBlank();
    }
}
