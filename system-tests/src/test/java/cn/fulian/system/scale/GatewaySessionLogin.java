package cn.fulian.system.scale;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fulian.system.CookieJar;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser's login to the console: the gateway's own OAuth2 login ({@code /oauth2/authorization/keycloak}), Keycloak's
 * form, and the return to the gateway, which then keeps the user's tokens in its session. Each request to the gateway
 * opens a new connection (a browser's keep-alive connection would stay with one gateway), so a round-robin front sends
 * consecutive steps to different gateways. Cookies are kept per server ({@link CookieJar}), as Keycloak marks its own
 * Secure.
 */
final class GatewaySessionLogin {

    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*action=\"([^\"]+)\"");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private GatewaySessionLogin() {}

    /** Logs in through {@code gatewayUrl}; returns the gateway's session cookie ({@code name=value}). */
    static String login(String gatewayUrl, String username, String password) throws IOException, InterruptedException {
        CookieJar gatewayCookies = new CookieJar();
        CookieJar keycloakCookies = new CookieJar();

        HttpResponse<String> start =
                send(freshClient(), gatewayCookies, get(gatewayUrl + "/oauth2/authorization/keycloak"));
        assertThat(start.statusCode())
                .as("the gateway sends the browser to Keycloak")
                .isEqualTo(302);
        String authorize = start.headers().firstValue("Location").orElseThrow();

        HttpClient keycloak = freshClient();
        HttpResponse<String> form = send(keycloak, keycloakCookies, get(authorize));
        assertThat(form.statusCode())
                .as("Keycloak's login page: %s", form.body())
                .isEqualTo(200);
        HttpResponse<String> back = send(
                keycloak,
                keycloakCookies,
                post(action(form.body()), Map.of("username", username, "password", password, "credentialId", "")));
        String callback = back.headers().firstValue("Location").orElse("");
        assertThat(callback)
                .as("Keycloak returns the browser to the gateway with a code (answered %d)", back.statusCode())
                .startsWith(gatewayUrl + "/login/oauth2/code/");

        HttpResponse<String> done = send(freshClient(), gatewayCookies, get(callback));
        assertThat(done.statusCode())
                .as(
                        "the gateway takes the code (%s)",
                        done.headers().firstValue("Location").orElse(""))
                .isEqualTo(302);
        assertThat(done.headers().firstValue("Location").orElse(""))
                .as("the login ends at the console, not at an error page")
                .doesNotContain("error");
        String session = gatewayCookies.get("SESSION");
        assertThat(session).as("the gateway's session cookie").isNotNull();
        return "SESSION=" + session;
    }

    private static HttpClient freshClient() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    private static HttpRequest.Builder get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET();
    }

    private static HttpRequest.Builder post(String url, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return HttpRequest.newBuilder(URI.create(url))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static HttpResponse<String> send(HttpClient http, CookieJar cookies, HttpRequest.Builder request)
            throws IOException, InterruptedException {
        return cookies.keep(
                http.send(cookies.addTo(request).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
    }

    private static String action(String html) {
        Matcher m = FORM_ACTION.matcher(html);
        assertThat(m.find()).as("a form on Keycloak's page").isTrue();
        return m.group(1).replace("&amp;", "&");
    }
}
