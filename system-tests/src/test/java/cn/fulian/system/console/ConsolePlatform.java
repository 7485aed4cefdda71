package cn.fulian.system.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import cn.fulian.system.LaunchedPlatform;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The real platform for the browser test: started with {@code java -jar infra/target/infra.jar up} on the system
 * tests' port set (gateway 28080, Keycloak 28180) and stopped afterwards, or, when {@code console.gateway-url} and
 * {@code console.keycloak-url} are given, one that is already running.
 *
 * <p>Keycloak's realm lets client {@code fulian-gateway} return only to port 8080; on another port the test adds that
 * port's redirect URI through Keycloak's admin API, as an operator would for a second deployment.
 */
final class ConsolePlatform implements AutoCloseable {

    static final Duration READY_TIMEOUT = Duration.ofSeconds(Long.getLong("platform.ready-timeout", 300));
    private static final Map<String, String> PORTS = Map.ofEntries(
            Map.entry("GATEWAY_PORT", "28080"),
            Map.entry("PLANNING_PORT", "28081"),
            Map.entry("ACTIVITY_PORT", "28082"),
            Map.entry("RIGHTS_PORT", "28083"),
            Map.entry("REPORTING_PORT", "28084"),
            Map.entry("KEYCLOAK_PORT", "28180"),
            Map.entry("KAFKA_PORT", "29092"),
            Map.entry("KAFKA_CONTROLLER_PORT", "29093"),
            Map.entry("MONGO_PORT", "28017"));

    final String gatewayUrl;
    final String keycloakUrl;
    private final Process process;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    private Path state;

    private ConsolePlatform(String gatewayUrl, String keycloakUrl, Process process) {
        this.gatewayUrl = gatewayUrl;
        this.keycloakUrl = keycloakUrl;
        this.process = process;
    }

    static ConsolePlatform startOrAttach(Path root, Path state) throws IOException {
        String gateway = System.getProperty("console.gateway-url");
        String keycloak = System.getProperty("console.keycloak-url");
        if (gateway != null && keycloak != null) {
            return new ConsolePlatform(gateway, keycloak, null);
        }
        Path jar = root.resolve("infra/target/infra.jar");
        assertThat(jar).as("the launcher jar, built before this module").isRegularFile();
        LaunchedPlatform.stopShared();
        // Keycloak's realm and its administrator are made afresh: an earlier run's database may hold another realm or
        // another administrator password than the state's secrets now say
        Path keycloakDatabase = state.resolve("keycloak/data/h2");
        if (Files.exists(keycloakDatabase)) {
            try (Stream<Path> paths = Files.walk(keycloakDatabase)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        ProcessBuilder command = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx512m",
                        "-jar",
                        jar.toString(),
                        "up")
                .directory(root.toFile())
                .redirectErrorStream(true);
        Map<String, String> env = command.environment();
        Stream.of(
                        "MONGODB_URI",
                        "KAFKA_BOOTSTRAP_SERVERS",
                        "KEYCLOAK_MANAGEMENT_PORT",
                        "SERVER_PORT",
                        "FEDERATION_SETTINGS",
                        "KEYCLOAK_ADMIN_PASSWORD")
                .forEach(env::remove);
        env.putAll(PORTS);
        env.put("PLATFORM_STATE", state.toString());
        env.put("PLATFORM_ROOT", root.toString());
        Path output = root.resolve("system-tests/target/platform-console.out");
        Files.createDirectories(output.getParent());
        Process process = command.start();
        ConsolePlatform platform = new ConsolePlatform("http://127.0.0.1:28080", "http://127.0.0.1:28180", process);
        platform.state = state;
        platform.awaitReady(output);
        return platform;
    }

    private void awaitReady(Path output) {
        CompletableFuture<Boolean> ready = new CompletableFuture<>();
        Thread reader = new Thread(
                () -> {
                    try (BufferedReader in = new BufferedReader(
                                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                            PrintWriter out =
                                    new PrintWriter(Files.newBufferedWriter(output, StandardCharsets.UTF_8), true)) {
                        for (String line = in.readLine(); line != null; line = in.readLine()) {
                            out.println(line);
                            if (line.startsWith("PLATFORM READY")) {
                                ready.complete(true);
                            }
                        }
                    } catch (IOException e) {
                        // the launcher's output ended: handled below as "not ready"
                    } finally {
                        ready.complete(false);
                    }
                },
                "console-platform-output");
        reader.setDaemon(true);
        reader.start();
        boolean isReady;
        try {
            isReady = ready.get(READY_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            isReady = false;
        }
        if (!isReady) {
            close();
            fail("the platform was not ready within " + READY_TIMEOUT.toSeconds() + " s; see " + output);
        }
    }

    /** Lets {@code fulian-gateway} return to this gateway's address after login and logout. */
    void allowGatewayRedirects() throws IOException, InterruptedException {
        String pattern = gatewayUrl + "/*";
        String admin = adminToken();
        String clients = keycloakUrl + "/admin/realms/fulian/clients";
        JsonNode found = json.readTree(send(HttpRequest.newBuilder(URI.create(clients + "?clientId=fulian-gateway"))
                        .header("Authorization", "Bearer " + admin)
                        .GET())
                .body());
        assertThat(found.size()).as("client fulian-gateway in realm fulian").isEqualTo(1);
        ObjectNode client = (ObjectNode) found.get(0);
        ArrayNode uris = (ArrayNode) client.get("redirectUris");
        for (JsonNode uri : uris) {
            if (uri.asString().equals(pattern)) {
                return;
            }
        }
        uris.add(pattern);
        HttpResponse<String> put = send(HttpRequest.newBuilder(
                        URI.create(clients + "/" + client.get("id").asString()))
                .header("Authorization", "Bearer " + admin)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(client))));
        assertThat(put.statusCode())
                .as("updating fulian-gateway: %s", put.body())
                .isEqualTo(204);
    }

    private String adminToken() throws IOException, InterruptedException {
        HttpResponse<String> response = form(
                keycloakUrl + "/realms/master/protocol/openid-connect/token",
                Map.of(
                        "grant_type",
                        "password",
                        "client_id",
                        "admin-cli",
                        "username",
                        "admin",
                        "password",
                        cn.fulian.system.KeycloakAdminPassword.of(state)));
        assertThat(response.statusCode())
                .as("Keycloak admin login: %s", response.body())
                .isEqualTo(200);
        return json.readTree(response.body()).path("access_token").asString();
    }

    /** A user's token from Keycloak's public client, for checking through the API what the browser did. */
    String token(String username) throws IOException, InterruptedException {
        HttpResponse<String> response = form(
                keycloakUrl + "/realms/fulian/protocol/openid-connect/token",
                Map.of("grant_type", "password", "client_id", "fulian-web", "username", username, "password", "demo"));
        assertThat(response.statusCode())
                .as("token for %s: %s", username, response.body())
                .isEqualTo(200);
        return json.readTree(response.body()).path("access_token").asString();
    }

    JsonNode get(String path, String token) throws IOException, InterruptedException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(gatewayUrl + path))
                .header("Authorization", "Bearer " + token)
                .GET());
        assertThat(response.statusCode())
                .as("GET %s: %s", path, response.body())
                .isEqualTo(200);
        return json.readTree(response.body());
    }

    /** A file the gateway serves to a user, as the browser would download it. */
    byte[] download(String path, String token) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(
                HttpRequest.newBuilder(URI.create(gatewayUrl + path))
                        .header("Authorization", "Bearer " + token)
                        .timeout(Duration.ofSeconds(30))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as("GET %s", path).isEqualTo(200);
        return response.body();
    }

    private HttpResponse<String> form(String url, Map<String, String> fields) throws IOException, InterruptedException {
        String body = fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(
                request.timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Stops a platform this test started (SIGTERM as Ctrl-C would), and whatever it left running. */
    @Override
    public void close() {
        if (process == null) {
            return;
        }
        List<ProcessHandle> children = new ArrayList<>(process.descendants().toList());
        process.destroy();
        try {
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }
}
