package cn.fulian.system.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * The real platform for the fault-tolerance test: {@code java -jar infra/target/infra.jar up} on the 18xxx port set
 * (below Linux's ephemeral range 32768–60999, where an outgoing connection once held a service's port)
 * with its own state folder, using the test's Kafka ({@code KAFKA_BOOTSTRAP_SERVERS}) so the test can stop the broker
 * while the services run. The launcher still runs the Mongo-wire server and Keycloak, the services and the gateway.
 */
final class FaultPlatform {

    static final Duration READY_TIMEOUT = Duration.ofSeconds(Long.getLong("platform.ready-timeout", 240));
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    static final int GATEWAY_PORT = 18080;
    static final int ACTIVITY_PORT = 18082;
    static final int REPORTING_PORT = 18084;
    static final int KEYCLOAK_PORT = 18180;

    private static final Map<String, String> PORTS = Map.ofEntries(
            Map.entry("GATEWAY_PORT", Integer.toString(GATEWAY_PORT)),
            Map.entry("PLANNING_PORT", "18081"),
            Map.entry("ACTIVITY_PORT", Integer.toString(ACTIVITY_PORT)),
            Map.entry("RIGHTS_PORT", "18083"),
            Map.entry("REPORTING_PORT", Integer.toString(REPORTING_PORT)),
            Map.entry("KEYCLOAK_PORT", Integer.toString(KEYCLOAK_PORT)),
            Map.entry("MONGO_PORT", "18017"));

    private final Process process;
    private final Path state;
    private final Path output;
    private final CompletableFuture<Boolean> ready = new CompletableFuture<>();
    private final Duration startTime;
    private List<ProcessHandle> started = List.of();

    private FaultPlatform(Process process, Path state, Path output, long since) {
        this.process = process;
        this.state = state;
        this.output = output;
        this.startTime = awaitReady(since);
    }

    /**
     * Starts the platform on fresh databases and returns once the launcher printed {@code PLATFORM READY}. Keycloak's
     * installation is kept (preparing it takes minutes), its database is not: a run ended abruptly can leave it
     * unreadable, and the realm import is quick.
     */
    static FaultPlatform start(Path root, Path state, String kafkaBootstrapServers) throws IOException {
        Path jar = root.resolve("infra/target/infra.jar");
        assertThat(jar).as("the launcher jar, built before this module").isRegularFile();
        deleteRecursively(state.resolve("mongo"));
        deleteRecursively(state.resolve("pids"));
        deleteRecursively(state.resolve("keycloak").resolve("data").resolve("h2"));
        ProcessBuilder command = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx512m",
                        "-jar",
                        jar.toString(),
                        "up")
                .directory(root.toFile())
                .redirectErrorStream(true);
        Map<String, String> env = command.environment();
        Stream.of("MONGODB_URI", "KEYCLOAK_MANAGEMENT_PORT", "SERVER_PORT", "KAFKA_PORT", "KAFKA_CONTROLLER_PORT")
                .forEach(env::remove);
        env.putAll(PORTS);
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers);
        env.put("PLATFORM_STATE", state.toString());
        env.put("PLATFORM_ROOT", root.toString());
        env.put("PLATFORM_READY_TIMEOUT", Long.toString(READY_TIMEOUT.toSeconds()));
        Files.createDirectories(state);
        Path output = state.resolve("platform.out");
        long since = System.nanoTime();
        return new FaultPlatform(command.start(), state, output, since);
    }

    Duration startTime() {
        return startTime;
    }

    Path pidFile(String service) {
        return state.resolve("pids").resolve(service + ".pid");
    }

    Path logDir() {
        return state.resolve("logs");
    }

    /** SIGTERM as Ctrl-C would, then makes sure nothing the launcher started is left running. */
    void stop() throws InterruptedException {
        process.toHandle().destroy();
        boolean exited = process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        // Keycloak's JVM may still be closing its database after the launcher is gone: give it time before forcing
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (started.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
        List<ProcessHandle> alive =
                new ArrayList<>(started.stream().filter(ProcessHandle::isAlive).toList());
        alive.forEach(ProcessHandle::destroyForcibly);
        if (!exited) {
            process.destroyForcibly();
        }
        assertThat(exited)
                .as("launcher stopped within %s of SIGTERM", STOP_TIMEOUT)
                .isTrue();
    }

    private Duration awaitReady(long since) {
        Thread reader = new Thread(this::copyOutput, "fault-platform-output");
        reader.setDaemon(true);
        reader.start();
        boolean isReady;
        try {
            isReady = ready.get(READY_TIMEOUT.toSeconds() * 2, TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            isReady = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            isReady = false;
        }
        Duration took = Duration.ofNanos(System.nanoTime() - since);
        if (!isReady) {
            List<ProcessHandle> descendants = process.descendants().toList();
            process.toHandle().destroy();
            try {
                process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            descendants.forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            fail("the platform was not ready after " + took.toSeconds() + " s; its output is in " + output
                    + ", the component logs in " + logDir());
        }
        started = process.descendants().toList();
        return took;
    }

    private void copyOutput() {
        try (BufferedReader in =
                        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                PrintWriter out = new PrintWriter(Files.newBufferedWriter(output, StandardCharsets.UTF_8), true)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                out.println(line);
                if (line.contains("✓") || line.contains("✗") || line.startsWith("PLATFORM")) {
                    System.out.println("[fault-platform] " + line);
                }
                if (line.startsWith("PLATFORM READY")) {
                    ready.complete(true);
                }
            }
        } catch (IOException e) {
            System.out.println("[fault-platform] output no longer readable: " + e);
        } finally {
            ready.complete(false);
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
