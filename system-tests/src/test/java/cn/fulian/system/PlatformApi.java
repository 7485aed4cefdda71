package cn.fulian.system;

import static org.assertj.core.api.Assertions.assertThat;

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

/**
 * HTTP against the launched platform as a script would use it: tokens from Keycloak's password grant (realm
 * {@code fulian}, client {@code fulian-web}, demo users with password {@code demo}), JSON requests through the gateway
 * or straight to a service's port.
 */
public final class PlatformApi {

    public static final String GATEWAY = "http://127.0.0.1:" + LaunchedPlatform.GATEWAY_PORT;
    public static final String KEYCLOAK = "http://127.0.0.1:" + LaunchedPlatform.KEYCLOAK_PORT;
    public static final String ISSUER = KEYCLOAK + "/realms/fulian";

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final String issuer;

    /** Tokens from the launched platform's Keycloak ({@link #KEYCLOAK}). */
    public PlatformApi() {
        this(KEYCLOAK);
    }

    /** Tokens from the Keycloak at {@code keycloakUrl}, for a platform on another port set or one the tests attach to. */
    public PlatformApi(String keycloakUrl) {
        this.issuer = keycloakUrl + "/realms/fulian";
    }

    /** An answer: status, body text and, when the body is JSON, its tree (a missing node otherwise). */
    public record Answer(int status, String body, JsonNode json, HttpResponse<String> raw) {

        public Answer expect(int expected) {
            assertThat(status)
                    .as(
                            "%s %s answered %s",
                            raw.request().method(), raw.request().uri(), body)
                    .isEqualTo(expected);
            return this;
        }

        /** The record's version as the answer gives it ({@code "3"}), which a change to it sends as If-Match. */
        public String etag() {
            return raw.headers().firstValue("ETag").orElse(null);
        }
    }

    /** The base address of the API through the gateway, or straight at the service that owns {@code api}. */
    public static String base(String api, boolean direct) {
        return direct ? "http://127.0.0.1:" + LaunchedPlatform.SERVICE_PORTS.get(api) : GATEWAY;
    }

    /** A user's access token, fetched once per test run (Keycloak's tokens live an hour). */
    public String token(String username) {
        return tokens.computeIfAbsent(username, this::freshToken);
    }

    public String freshToken(String username) {
        return freshToken(username, "demo");
    }

    /** A token for an account with its own password (one made through the platform, not a demo account). */
    public String freshToken(String username, String password) {
        Answer answer = passwordGrant(username, password);
        assertThat(answer.status())
                .as("token for %s: %s", username, answer.body())
                .isEqualTo(200);
        return answer.json().path("access_token").asString();
    }

    /** Keycloak's answer to a password login as the browser client: 200 with tokens, 400/401 when refused. */
    public Answer passwordGrant(String username, String password) {
        return form(
                issuer + "/protocol/openid-connect/token",
                Map.of(
                        "grant_type",
                        "password",
                        "client_id",
                        "fulian-web",
                        "username",
                        username,
                        "password",
                        password));
    }

    public Answer form(String url, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Answer get(String url, String token) {
        return send(authorized(url, token).GET());
    }

    public Answer post(String url, String token, Object body) {
        return send(authorized(url, token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(body), StandardCharsets.UTF_8)));
    }

    public Answer put(String url, String token, Object body) {
        return send(authorized(url, token)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json(body), StandardCharsets.UTF_8)));
    }

    /** A change to an existing record, sending the version the caller read as {@code If-Match} (none when null). */
    public Answer post(String url, String token, Object body, String ifMatch) {
        HttpRequest.Builder request = authorized(url, token).header("Content-Type", "application/json");
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return send(request.POST(HttpRequest.BodyPublishers.ofString(json(body), StandardCharsets.UTF_8)));
    }

    public Answer put(String url, String token, Object body, String ifMatch) {
        return send(authorized(url, token)
                .header("Content-Type", "application/json")
                .header("If-Match", ifMatch)
                .PUT(HttpRequest.BodyPublishers.ofString(json(body), StandardCharsets.UTF_8)));
    }

    /** The {@code ETag} of the record at {@code url} as {@code token} reads it: what a change to it sends as If-Match. */
    public String etag(String url, String token) {
        return get(url, token).expect(200).etag();
    }

    /** A POST whose answer is a file (a PDF, a workbook): status, headers and the bytes as sent. */
    public HttpResponse<byte[]> postForFile(String url, String token, Object body) {
        try {
            return http.send(
                    authorized(url, token)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(json(body), StandardCharsets.UTF_8))
                            .timeout(Duration.ofSeconds(60))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException("request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Answer postText(String url, String token, String contentType, String body) {
        return send(authorized(url, token)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    private static HttpRequest.Builder authorized(String url, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }

    private static String json(Object body) {
        if (body == null) {
            return "{}";
        }
        return body instanceof String s ? s : JSON.writeValueAsString(body);
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(
                    request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            JsonNode tree;
            try {
                tree = response.body().isBlank() ? JSON.missingNode() : JSON.readTree(response.body());
            } catch (RuntimeException notJson) {
                tree = JSON.missingNode();
            }
            return new Answer(response.statusCode(), response.body(), tree, response);
        } catch (IOException e) {
            throw new IllegalStateException("request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Something that checks with assertions and may need another try while the platform catches up. */
    @FunctionalInterface
    public interface Check {
        void run() throws Exception;
    }

    /** Something that checks with assertions and, once they pass, gives what it checked. */
    @FunctionalInterface
    public interface Probe<T> {
        T get() throws Exception;
    }

    /**
     * Repeats {@code check} until it passes or {@code limit} has passed, then fails with the last failure: the read
     * model and the services' copies learn from events, so a figure may take a moment to appear. Anything but an
     * assertion failing ends the wait at once.
     */
    public static void eventually(Duration limit, Check check) throws Exception {
        eventuallyFound(limit, () -> {
            check.run();
            return null;
        });
    }

    /** As {@link #eventually(Duration, Check)}, returning what the probe found once its assertions passed. */
    public static <T> T eventuallyFound(Duration limit, Probe<T> probe) throws Exception {
        long end = System.nanoTime() + limit.toNanos();
        while (true) {
            try {
                return probe.get();
            } catch (AssertionError e) {
                if (System.nanoTime() > end) {
                    throw e;
                }
                Thread.sleep(500);
            }
        }
    }
}
