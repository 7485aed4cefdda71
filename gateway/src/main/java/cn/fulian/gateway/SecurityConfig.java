package cn.fulian.gateway;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import reactor.core.publisher.Mono;

/**
 * The gateway rejects requests without a valid token (signature, issuer, audience {@code fulian-api}, expiry) before
 * they reach a service, and forwards the {@code Authorization} header unchanged: each service validates it again.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfig {

    @Bean
    SecurityWebFilterChain security(ServerHttpSecurity http) {
        JwtAuthenticationConverter roles = new JwtAuthenticationConverter();
        roles.setJwtGrantedAuthoritiesConverter(SecurityConfig::realmRoles);
        roles.setPrincipalClaimName("preferred_username");
        return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                .authorizeExchange(a -> a.pathMatchers(
                                "/actuator/health", "/actuator/health/**", "/actuator/info", "/api/*/v3/api-docs")
                        .permitAll()
                        .anyExchange()
                        .authenticated())
                .oauth2ResourceServer(o -> o.jwt(
                                j -> j.jwtAuthenticationConverter(new ReactiveJwtAuthenticationConverterAdapter(roles)))
                        .authenticationEntryPoint(unauthorized()))
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthorized()))
                .build();
    }

    static Collection<GrantedAuthority> realmRoles(Jwt jwt) {
        List<GrantedAuthority> out = new ArrayList<>();
        if (jwt.getClaims().get("realm_access") instanceof Map<?, ?> access
                && access.get("roles") instanceof Collection<?> names) {
            names.forEach(n -> out.add(new SimpleGrantedAuthority("ROLE_" + n)));
        }
        return out;
    }

    private static ServerAuthenticationEntryPoint unauthorized() {
        byte[] body = ("{\"type\":\"about:blank\",\"title\":\"未登录或登录已失效 / Unauthorized\",\"status\":401,"
                        + "\"detail\":\"请重新登录 / a valid bearer token is required\"}")
                .getBytes(StandardCharsets.UTF_8);
        return (exchange, ex) -> {
            ServerHttpResponse response = exchange.getResponse();
            if (response.isCommitted()) {
                return Mono.empty();
            }
            response.setStatusCode(HttpStatus.UNAUTHORIZED);
            response.getHeaders()
                    .set(
                            HttpHeaders.WWW_AUTHENTICATE,
                            ex instanceof OAuth2AuthenticationException ? "Bearer error=\"invalid_token\"" : "Bearer");
            response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
            DataBuffer buffer = response.bufferFactory().wrap(body);
            return response.writeWith(Mono.just(buffer));
        };
    }
}
