package cn.fulian.gateway.session;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/session}, served by the gateway itself. For a browser session it reads the claims of the access
 * token the gateway holds for the user (the ID token carries the unit but not the realm roles), validated like any
 * bearer token; for a bearer caller, the claims of its own token.
 */
@RestController
class SessionController {

    private final ReactiveOAuth2AuthorizedClientManager clients;
    private final ReactiveJwtDecoder jwtDecoder;

    SessionController(ReactiveOAuth2AuthorizedClientManager clients, ReactiveJwtDecoder jwtDecoder) {
        this.clients = clients;
        this.jwtDecoder = jwtDecoder;
    }

    @GetMapping("/api/session")
    Mono<SessionView> session(Authentication authentication, ServerWebExchange exchange) {
        return claims(authentication, exchange)
                .map(claims -> SessionView.of(claims, realmRoles(claims)))
                .switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED)));
    }

    private Mono<Map<String, Object>> claims(Authentication authentication, ServerWebExchange exchange) {
        if (authentication instanceof JwtAuthenticationToken bearer) {
            return Mono.just(bearer.getToken().getClaims());
        }
        if (authentication instanceof OAuth2AuthenticationToken login) {
            OAuth2AuthorizeRequest request = OAuth2AuthorizeRequest.withClientRegistrationId(
                            login.getAuthorizedClientRegistrationId())
                    .principal(login)
                    .attribute(ServerWebExchange.class.getName(), exchange)
                    .build();
            return clients.authorize(request)
                    .flatMap(client -> jwtDecoder.decode(client.getAccessToken().getTokenValue()))
                    .map(Jwt::getClaims);
        }
        return Mono.empty();
    }

    private static List<String> realmRoles(Map<String, Object> claims) {
        if (claims.get("realm_access") instanceof Map<?, ?> access
                && access.get("roles") instanceof java.util.Collection<?> names) {
            return names.stream().map(String::valueOf).toList();
        }
        return List.of();
    }
}
