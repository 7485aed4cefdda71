package cn.fulian.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistration.ProviderDetails;

/**
 * Behind a container network or a cluster, browsers reach Keycloak by its public address while the gateway reaches it
 * by an internal one; the tokens always name the public address as their issuer.
 */
class KeycloakClientConfigTest {

    @Test
    void browsersAreSentToThePublicAddressWhileTheGatewayFetchesTokensAndKeysFromTheInternalOne() {
        ProviderDetails provider = registration("https://id.fulian.example.cn", "http://keycloak:8080")
                .getProviderDetails();

        assertThat(provider.getIssuerUri()).isEqualTo("https://id.fulian.example.cn/realms/fulian");
        assertThat(provider.getAuthorizationUri())
                .isEqualTo("https://id.fulian.example.cn/realms/fulian/protocol/openid-connect/auth");
        assertThat(provider.getConfigurationMetadata().get("end_session_endpoint"))
                .isEqualTo("https://id.fulian.example.cn/realms/fulian/protocol/openid-connect/logout");
        assertThat(provider.getTokenUri())
                .isEqualTo("http://keycloak:8080/realms/fulian/protocol/openid-connect/token");
        assertThat(provider.getJwkSetUri())
                .isEqualTo("http://keycloak:8080/realms/fulian/protocol/openid-connect/certs");
        assertThat(provider.getUserInfoEndpoint().getUri())
                .isEqualTo("http://keycloak:8080/realms/fulian/protocol/openid-connect/userinfo");
    }

    @Test
    void onOneMachineEveryEndpointIsOnTheOneAddress() {
        ProviderDetails provider =
                registration("http://127.0.0.1:8180", "http://127.0.0.1:8180").getProviderDetails();

        assertThat(provider.getAuthorizationUri()).startsWith("http://127.0.0.1:8180/realms/fulian/");
        assertThat(provider.getTokenUri()).startsWith("http://127.0.0.1:8180/realms/fulian/");
        assertThat(provider.getJwkSetUri()).startsWith("http://127.0.0.1:8180/realms/fulian/");
    }

    private static ClientRegistration registration(String publicUrl, String internalUrl) {
        return new KeycloakClientConfig()
                .clientRegistrations(publicUrl, internalUrl, "fulian-gateway", "secret")
                .findByRegistrationId(KeycloakClientConfig.REGISTRATION_ID)
                .block();
    }
}
