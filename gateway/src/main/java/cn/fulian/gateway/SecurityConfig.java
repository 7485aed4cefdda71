package cn.fulian.gateway;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.web.server.logout.OidcClientInitiatedServerLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.server.DefaultServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint.DelegateEntry;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.HttpStatusServerAccessDeniedHandler;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.authorization.ServerWebExchangeDelegatingServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.CsrfException;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.CsrfWebFilter;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter;
import org.springframework.security.web.server.util.matcher.AndServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.NegatedServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.OrServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Mono;

/**
 * Two kinds of caller, two filter chains.
 *
 * <p>Scripts and the system tests send {@code Authorization: Bearer}: the gateway validates the token (signature,
 * issuer, audience {@code fulian-api}, expiry), keeps no session and forwards the header unchanged; each service
 * validates it again.
 *
 * <p>Browsers log in through Keycloak (authorization code with PKCE, client {@code fulian-gateway}); the gateway keeps
 * the tokens in the user's web session and relays the access token to the services ({@code TokenRelay}), so the
 * console's JavaScript never holds a token. Because a cookie authenticates these requests, every unsafe one must echo
 * the {@code XSRF-TOKEN} cookie in an {@code X-XSRF-TOKEN} header. Without a session, {@code /api/**} answers 401 (an
 * XHR cannot follow a login redirect) and pages redirect to the Keycloak login page.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfig {

    static final String LOGIN_PATH = "/oauth2/authorization/" + KeycloakClientConfig.REGISTRATION_ID;

    private static final String[] PUBLIC = {
        // the actuator paths exist on the management port alone (loopback); on the public port they answer 404
        "/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus", "/api/*/v3/api-docs"
    };
    private static final String[] ASSETS = {"/webjars/**", "/css/**", "/js/**", "/img/**", "/favicon.ico"};

    /**
     * The console's own policy: scripts only from the gateway ({@code unsafe-eval} because Vue compiles the page
     * templates in the browser: there is no build step), no third-party origins, never framed.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self' 'unsafe-eval'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; "
            + "frame-ancestors 'none'; form-action 'self' %s; base-uri 'self'; object-src 'none'";

    @Bean
    @Order(1)
    SecurityWebFilterChain bearerCallers(ServerHttpSecurity http) {
        return http.securityMatcher(new AndServerWebExchangeMatcher(
                        ServerWebExchangeMatchers.pathMatchers("/api/**"), SecurityConfig::bearerHeader))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .authorizeExchange(
                        a -> a.pathMatchers(PUBLIC).permitAll().anyExchange().authenticated())
                .oauth2ResourceServer(o -> o.jwt(j -> j.jwtAuthenticationConverter(jwtRoles()))
                        .authenticationEntryPoint(unauthorized())
                        .accessDeniedHandler(forbidden()))
                .exceptionHandling(
                        e -> e.authenticationEntryPoint(unauthorized()).accessDeniedHandler(forbidden()))
                .build();
    }

    @Bean
    @Order(2)
    SecurityWebFilterChain browsers(
            ServerHttpSecurity http,
            ReactiveClientRegistrationRepository clients,
            @Value("${fulian.keycloak-url}") String keycloakUrl,
            @Value("${server.reactive.session.cookie.name:SESSION}") String sessionCookie) {
        DefaultServerOAuth2AuthorizationRequestResolver pkce =
                new DefaultServerOAuth2AuthorizationRequestResolver(clients);
        pkce.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());

        OidcClientInitiatedServerLogoutSuccessHandler logout =
                new OidcClientInitiatedServerLogoutSuccessHandler(clients);
        logout.setPostLogoutRedirectUri("{baseUrl}/");

        return http.authorizeExchange(a -> a.pathMatchers(PUBLIC)
                        .permitAll()
                        .pathMatchers(ASSETS)
                        .permitAll()
                        .anyExchange()
                        .authenticated())
                .oauth2Login(o -> o.authorizationRequestResolver(pkce))
                .csrf(c -> c.csrfTokenRepository(CookieServerCsrfTokenRepository.withHttpOnlyFalse())
                        // the console reads the raw cookie value; BREACH masking protects only tokens in HTML bodies
                        .csrfTokenRequestHandler(new ServerCsrfTokenRequestAttributeHandler())
                        .requireCsrfProtectionMatcher(csrfProtected(sessionCookie))
                        .accessDeniedHandler(apisAnswerProblem403()))
                .addFilterAfter(issueCsrfCookie(), SecurityWebFiltersOrder.CSRF)
                .logout(l -> l.logoutSuccessHandler(logout))
                .exceptionHandling(e -> e.authenticationEntryPoint(pagesRedirectApisAnswer401())
                        .accessDeniedHandler(apisAnswerProblem403()))
                .headers(h -> h.frameOptions(f -> f.mode(XFrameOptionsServerHttpHeadersWriter.Mode.DENY))
                        .contentSecurityPolicy(
                                p -> p.policyDirectives(CONTENT_SECURITY_POLICY.formatted(origin(keycloakUrl)))))
                .build();
    }

    private static Mono<ServerWebExchangeMatcher.MatchResult> bearerHeader(
            org.springframework.web.server.ServerWebExchange exchange) {
        String header = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? ServerWebExchangeMatcher.MatchResult.match()
                : ServerWebExchangeMatcher.MatchResult.notMatch();
    }

    /**
     * A forged request rides on the cookie a browser sends by itself, so every unsafe request carrying the session
     * cookie must prove it came from the console, and so must every form post to the gateway's own pages. An API call
     * without the cookie holds no authority a forger could borrow: it goes on to authentication and, with neither
     * session nor token, answers 401 like a read, not 403 for a missing CSRF header.
     */
    private static ServerWebExchangeMatcher csrfProtected(String sessionCookie) {
        ServerWebExchangeMatcher api = ServerWebExchangeMatchers.pathMatchers("/api/**");
        ServerWebExchangeMatcher carriesSession =
                exchange -> exchange.getRequest().getCookies().containsKey(sessionCookie)
                        ? ServerWebExchangeMatcher.MatchResult.match()
                        : ServerWebExchangeMatcher.MatchResult.notMatch();
        return new AndServerWebExchangeMatcher(
                CsrfWebFilter.DEFAULT_CSRF_MATCHER,
                new OrServerWebExchangeMatcher(new NegatedServerWebExchangeMatcher(api), carriesSession));
    }

    /** The CSRF token is created lazily; subscribing to it on every browser request makes sure the cookie is set. */
    private static WebFilter issueCsrfCookie() {
        return (exchange, chain) -> {
            Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
            return (token == null ? Mono.<CsrfToken>empty() : token).then(chain.filter(exchange));
        };
    }

    private static ServerAuthenticationEntryPoint pagesRedirectApisAnswer401() {
        DelegatingServerAuthenticationEntryPoint entryPoint = new DelegatingServerAuthenticationEntryPoint(
                new DelegateEntry(ServerWebExchangeMatchers.pathMatchers("/api/**"), unauthorized()));
        entryPoint.setDefaultEntryPoint(new RedirectServerAuthenticationEntryPoint(LOGIN_PATH));
        return entryPoint;
    }

    /** A refused API call gets problem details; a page keeps Spring Security's plain 403. */
    private static ServerAccessDeniedHandler apisAnswerProblem403() {
        ServerWebExchangeDelegatingServerAccessDeniedHandler handler =
                new ServerWebExchangeDelegatingServerAccessDeniedHandler(
                        new ServerWebExchangeDelegatingServerAccessDeniedHandler.DelegateEntry(
                                ServerWebExchangeMatchers.pathMatchers("/api/**"), forbidden()));
        handler.setDefaultAccessDeniedHandler(new HttpStatusServerAccessDeniedHandler(HttpStatus.FORBIDDEN));
        return handler;
    }

    /** Keycloak's origin, where the login form posts to and where logout goes. */
    private static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getAuthority();
    }

    private static ReactiveJwtAuthenticationConverterAdapter jwtRoles() {
        JwtAuthenticationConverter roles = new JwtAuthenticationConverter();
        roles.setJwtGrantedAuthoritiesConverter(SecurityConfig::realmRoles);
        roles.setPrincipalClaimName("preferred_username");
        return new ReactiveJwtAuthenticationConverterAdapter(roles);
    }

    static Collection<GrantedAuthority> realmRoles(Jwt jwt) {
        List<GrantedAuthority> out = new ArrayList<>();
        realmRoleNames(jwt.getClaims()).forEach(n -> out.add(new SimpleGrantedAuthority("ROLE_" + n)));
        return out;
    }

    static List<String> realmRoleNames(Map<String, Object> claims) {
        List<String> out = new ArrayList<>();
        if (claims.get("realm_access") instanceof Map<?, ?> access
                && access.get("roles") instanceof Collection<?> names) {
            names.forEach(n -> out.add(String.valueOf(n)));
        }
        return out;
    }

    private static ServerAuthenticationEntryPoint unauthorized() {
        return (exchange, ex) -> {
            HttpHeaders challenge = new HttpHeaders();
            challenge.set(
                    HttpHeaders.WWW_AUTHENTICATE,
                    ex instanceof OAuth2AuthenticationException ? "Bearer error=\"invalid_token\"" : "Bearer");
            return Problems.write(
                    exchange,
                    HttpStatus.UNAUTHORIZED,
                    "about:blank",
                    "未登录或登录已失效 / Unauthorized",
                    "请重新登录 / a valid bearer token or a login session is required",
                    challenge);
        };
    }

    private static ServerAccessDeniedHandler forbidden() {
        return (exchange, denied) -> Problems.write(
                exchange,
                HttpStatus.FORBIDDEN,
                "about:blank",
                "无权操作 / Forbidden",
                denied instanceof CsrfException
                        ? "请求缺少有效的CSRF令牌,请刷新页面后重试 / the X-XSRF-TOKEN header is missing or does not match;"
                                + " reload the page and try again"
                        : "无权执行此操作 / not allowed",
                new HttpHeaders());
    }
}
