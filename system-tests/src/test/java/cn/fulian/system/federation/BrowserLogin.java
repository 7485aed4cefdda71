package cn.fulian.system.federation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fulian.system.CookieJar;
import cn.fulian.system.PlatformApi;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * A login on Keycloak's own pages as a browser does it, for a realm without password grants: the authorisation-code
 * flow with PKCE of the browser client {@code fulian-web}, the login form, Keycloak's "update password" form when the
 * password is temporary, the return with a code, and the code exchanged for a token. Cookies are kept as a browser
 * keeps them ({@link CookieJar}).
 */
final class BrowserLogin {

    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*action=\"([^\"]+)\"");
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * How the login went.
     *
     * @param askedForNewPassword Keycloak showed its "update password" form
     * @param accessToken the token, when the login ended back at the console with a code
     * @param page the last page's status, location and title (what the user saw when it did not end well)
     */
    record Result(boolean askedForNewPassword, String accessToken, String page) {
        boolean loggedIn() {
            return accessToken != null;
        }
    }

    private BrowserLogin() {}

    /** Logs in; when Keycloak asks for a new password (a temporary one was used), answers with {@code newPassword}. */
    static Result login(String gatewayUrl, String username, String password, String newPassword)
            throws IOException, InterruptedException, NoSuchAlgorithmException {
        HttpClient http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        CookieJar cookies = new CookieJar();
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        String challenge = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                        MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        String redirect = gatewayUrl + "/";
        String auth = PlatformApi.ISSUER + "/protocol/openid-connect/auth?client_id=fulian-web&response_type=code"
                + "&scope=openid&redirect_uri=" + encode(redirect) + "&code_challenge=" + challenge
                + "&code_challenge_method=S256";
        HttpResponse<String> page = cookies.keep(http.send(
                HttpRequest.newBuilder(URI.create(auth)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
        assertThat(page.statusCode())
                .as("Keycloak's login page: %s", page.body())
                .isEqualTo(200);

        Map<String, String> login = new LinkedHashMap<>();
        login.put("username", username);
        login.put("password", password);
        login.put("credentialId", "");
        page = follow(http, cookies, post(http, cookies, action(page.body()), login));
        boolean askedForNewPassword = page.statusCode() == 200 && page.body().contains("password-new");
        if (askedForNewPassword && newPassword != null) {
            Map<String, String> update = new LinkedHashMap<>();
            update.put("password-new", newPassword);
            update.put("password-confirm", newPassword);
            page = follow(http, cookies, post(http, cookies, action(page.body()), update));
        }
        String location = page.headers().firstValue("Location").orElse("");
        String described = page.statusCode() + " " + location + " " + title(page.body()) + " " + error(page.body());
        Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(location);
        if (page.statusCode() != 302 || !location.startsWith(redirect) || !code.find()) {
            return new Result(askedForNewPassword, null, described);
        }
        Map<String, String> exchange = new LinkedHashMap<>();
        exchange.put("grant_type", "authorization_code");
        exchange.put("client_id", "fulian-web");
        exchange.put("code", java.net.URLDecoder.decode(code.group(1), StandardCharsets.UTF_8));
        exchange.put("redirect_uri", redirect);
        exchange.put("code_verifier", verifier);
        HttpResponse<String> token =
                post(http, new CookieJar(), PlatformApi.ISSUER + "/protocol/openid-connect/token", exchange);
        assertThat(token.statusCode()).as("code exchange: %s", token.body()).isEqualTo(200);
        JsonNode json = PlatformApi.JSON.readTree(token.body());
        return new Result(askedForNewPassword, json.path("access_token").asString(), described);
    }

    private static HttpResponse<String> post(HttpClient http, CookieJar cookies, String url, Map<String, String> fields)
            throws IOException, InterruptedException {
        String body = fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        cookies.addTo(request);
        return cookies.keep(http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
    }

    /** Follows Keycloak's redirects to its own pages (a required action), as a browser does; stops at the console. */
    private static HttpResponse<String> follow(HttpClient http, CookieJar cookies, HttpResponse<String> page)
            throws IOException, InterruptedException {
        for (int hops = 0; hops < 5 && page.statusCode() == 302; hops++) {
            String location = page.headers().firstValue("Location").orElse("");
            if (!location.startsWith(PlatformApi.ISSUER)) {
                return page;
            }
            HttpRequest.Builder request =
                    HttpRequest.newBuilder(URI.create(location)).GET();
            cookies.addTo(request);
            page = cookies.keep(http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
        }
        return page;
    }

    private static String action(String html) {
        Matcher m = FORM_ACTION.matcher(html);
        assertThat(m.find()).as("a form on Keycloak's page: %s", title(html)).isTrue();
        return m.group(1).replace("&amp;", "&");
    }

    private static String title(String html) {
        Matcher m = Pattern.compile("<title>([^<]*)</title>").matcher(html);
        return m.find() ? m.group(1).trim() : "";
    }

    /** The message Keycloak shows above its form (wrong password, account disabled). */
    private static String error(String html) {
        Matcher m = Pattern.compile("id=\"input-error[^\"]*\"[^>]*>\\s*([^<]+)").matcher(html);
        if (m.find()) {
            return m.group(1).trim();
        }
        Matcher alert = Pattern.compile("kc-feedback-text\">\\s*([^<]+)").matcher(html);
        return alert.find() ? alert.group(1).trim() : "";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
