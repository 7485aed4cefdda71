package cn.fulian.gateway;

import io.netty.channel.ChannelOption;
import java.time.Duration;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.JwkSetUriReactiveJwtDecoderBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import reactor.netty.http.client.HttpClient;
import reactor.util.retry.Retry;

/**
 * The gateway as the confidential OIDC client {@code fulian-gateway} of realm {@code fulian}. The endpoints are
 * written out rather than discovered, so the gateway starts (and serves the bearer APIs) while Keycloak is still
 * starting; the user's tokens live in the user's web session and die with it. The browser is sent to Keycloak's public
 * address ({@code fulian.keycloak-url}, also the issuer); the gateway's own calls for tokens, keys and user info go to
 * {@code fulian.keycloak-internal-url}, which is the same address unless a container network or a cluster has another.
 */
@Configuration(proxyBeanMethods = false)
class KeycloakClientConfig {

    static final String REGISTRATION_ID = "keycloak";

    @Bean
    ReactiveClientRegistrationRepository clientRegistrations(
            @Value("${fulian.keycloak-url}") String keycloakUrl,
            @Value("${fulian.keycloak-internal-url}") String internalUrl,
            @Value("${fulian.gateway.client-id}") String clientId,
            @Value("${fulian.gateway.client-secret}") String clientSecret) {
        String realm = keycloakUrl + "/realms/fulian";
        String oidc = realm + "/protocol/openid-connect";
        String backchannel = internalUrl + "/realms/fulian/protocol/openid-connect";
        ClientRegistration keycloak = ClientRegistration.withRegistrationId(REGISTRATION_ID)
                .clientName("妇联工作平台")
                .clientId(clientId)
                .clientSecret(clientSecret)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope("openid", "profile")
                .issuerUri(realm)
                .authorizationUri(oidc + "/auth")
                .tokenUri(backchannel + "/token")
                .jwkSetUri(backchannel + "/certs")
                .userInfoUri(backchannel + "/userinfo")
                .userNameAttributeName("preferred_username")
                .providerConfigurationMetadata(Map.of("end_session_endpoint", oidc + "/logout"))
                .build();
        return new InMemoryReactiveClientRegistrationRepository(keycloak);
    }

    /**
     * Keycloak's signing keys are fetched on the first token and again for a token signed with a key not seen yet. A
     * Keycloak that accepts the connection and never answers would otherwise hold that request (and every request
     * waiting for the same keys) open for good: each attempt is bounded, and a connection that fails or hangs is tried
     * twice more before the token is turned away.
     */
    @Bean
    JwkSetUriReactiveJwtDecoderBuilderCustomizer boundedKeyFetch(
            @Value("${fulian.gateway.key-fetch-timeout:10s}") Duration timeout) {
        HttpClient http = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) timeout.toMillis())
                .responseTimeout(timeout);
        WebClient keys = WebClient.builder()
                .clientConnector(new ReactorClientHttpConnector(http))
                .filter((request, next) -> next.exchange(request)
                        .retryWhen(Retry.backoff(2, Duration.ofMillis(200))
                                .filter(WebClientRequestException.class::isInstance)))
                .build();
        return builder -> builder.webClient(keys);
    }

    @Bean
    ServerOAuth2AuthorizedClientRepository authorizedClients() {
        return new WebSessionServerOAuth2AuthorizedClientRepository();
    }

    /** Used by {@code TokenRelay}: hands out the session's access token, refreshing it when it has expired. */
    @Bean
    ReactiveOAuth2AuthorizedClientManager authorizedClientManager(
            ReactiveClientRegistrationRepository registrations, ServerOAuth2AuthorizedClientRepository clients) {
        DefaultReactiveOAuth2AuthorizedClientManager manager =
                new DefaultReactiveOAuth2AuthorizedClientManager(registrations, clients);
        manager.setAuthorizedClientProvider(ReactiveOAuth2AuthorizedClientProviderBuilder.builder()
                .authorizationCode()
                .refreshToken()
                .build());
        return manager;
    }
}
