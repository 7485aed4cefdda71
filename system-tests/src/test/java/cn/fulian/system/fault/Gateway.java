package cn.fulian.system.fault;

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
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Requests through the gateway as one of the demo users, with tokens from Keycloak's password grant. */
public final class Gateway {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final String gatewayUrl;
    private final String tokenUrl;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    /** Realm tokens live an hour, longer than this test. */
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    public Gateway(int gatewayPort, int keycloakPort) {
        this.gatewayUrl = "http://127.0.0.1:" + gatewayPort;
        this.tokenUrl = "http://127.0.0.1:" + keycloakPort + "/realms/fulian/protocol/openid-connect/token";
    }

    public HttpResponse<String> get(String user, String path) throws IOException, InterruptedException {
        return send(
                user,
                HttpRequest.newBuilder(URI.create(gatewayUrl + path))
                        .timeout(REQUEST_TIMEOUT)
                        .GET());
    }

    public HttpResponse<String> post(String user, String path, Object body) throws IOException, InterruptedException {
        return post(user, path, body, REQUEST_TIMEOUT);
    }

    public HttpResponse<String> post(String user, String path, Object body, Duration timeout)
            throws IOException, InterruptedException {
        return send(
                user,
                HttpRequest.newBuilder(URI.create(gatewayUrl + path))
                        .header("Content-Type", "application/json")
                        .timeout(timeout)
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    /** GET that must answer 200; its body as JSON. */
    public JsonNode getJson(String user, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = get(user, path);
        if (response.statusCode() != 200) {
            throw new IllegalStateException(
                    "GET " + path + " as " + user + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** POST that must answer 2xx; its body as JSON. */
    public JsonNode postJson(String user, String path, Object body) throws IOException, InterruptedException {
        return postJson(user, path, body, REQUEST_TIMEOUT);
    }

    public JsonNode postJson(String user, String path, Object body, Duration timeout)
            throws IOException, InterruptedException {
        HttpResponse<String> response = post(user, path, body, timeout);
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(
                    "POST " + path + " as " + user + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** POST of a change to an existing record, with the version the caller read as {@code If-Match}; must answer 2xx. */
    public JsonNode postJson(String user, String path, Object body, String ifMatch)
            throws IOException, InterruptedException {
        HttpResponse<String> response = send(
                user,
                HttpRequest.newBuilder(URI.create(gatewayUrl + path))
                        .header("Content-Type", "application/json")
                        .header("If-Match", ifMatch)
                        .timeout(REQUEST_TIMEOUT)
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(
                    "POST " + path + " as " + user + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> send(String user, HttpRequest.Builder request)
            throws IOException, InterruptedException {
        request.header("Authorization", "Bearer " + token(user));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    public String token(String user) throws IOException, InterruptedException {
        String cached = tokens.get(user);
        if (cached != null) {
            return cached;
        }
        Map<String, String> form =
                Map.of("grant_type", "password", "client_id", "fulian-web", "username", user, "password", "demo");
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(tokenUrl))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("no token for " + user + ": " + response.body());
        }
        String token = JSON.readTree(response.body()).path("access_token").asString();
        tokens.put(user, token);
        return token;
    }
}
