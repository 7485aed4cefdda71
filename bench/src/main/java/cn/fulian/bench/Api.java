package cn.fulian.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** HTTP to the platform: tokens from Keycloak (direct grant, client fulian-web) and bearer-authorised calls. */
final class Api {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private record Token(String value, long expiresAtNanos) {}

    private final HttpClient http;
    private final String keycloak;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    Api(String keycloak) {
        this.keycloak = keycloak;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    HttpClient client() {
        return http;
    }

    /** An access token of a demo user (password {@code demo}), reused while it has more than a minute left. */
    String token(String user) {
        Token t = tokens.get(user);
        if (t != null && System.nanoTime() < t.expiresAtNanos()) {
            return t.value();
        }
        String form = "grant_type=password&client_id=fulian-web&username="
                + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password=demo";
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(keycloak + "/realms/fulian/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() != 200) {
            throw new IllegalStateException(
                    "no token for " + user + ": HTTP " + response.statusCode() + " " + response.body());
        }
        JsonNode body = JSON.readTree(response.body());
        long lifetime = body.path("expires_in").asLong(300);
        String value = body.path("access_token").asString();
        tokens.put(user, new Token(value, System.nanoTime() + Math.max(10, lifetime - 60) * 1_000_000_000L));
        return value;
    }

    HttpRequest.Builder get(String url, String user) {
        return HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token(user))
                .timeout(Duration.ofSeconds(60))
                .GET();
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** GET that must answer 200; the body as JSON. */
    JsonNode getJson(String url, String user) {
        HttpResponse<String> r = send(get(url, user).build());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET " + url + ": HTTP " + r.statusCode() + " " + abbreviate(r.body()));
        }
        return JSON.readTree(r.body());
    }

    static String abbreviate(String s) {
        return s == null || s.length() < 300 ? s : s.substring(0, 300) + "…";
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
