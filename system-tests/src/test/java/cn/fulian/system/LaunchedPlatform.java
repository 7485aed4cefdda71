package cn.fulian.system;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * The real platform, started the way a developer starts it ({@code java -jar infra/target/infra.jar up}) but on its own
 * port set and state folder, so it runs next to a developer's platform without clashing.
 */
public final class LaunchedPlatform {

    /**
     * How long each component may take to become ready, the launcher's {@code PLATFORM_READY_TIMEOUT}: 240 s; {@code
     * -Dplatform.ready-timeout=<seconds>} gives a busy machine more.
     */
    public static final Duration READY_TIMEOUT = Duration.ofSeconds(Long.getLong("platform.ready-timeout", 240));

    /**
     * A ceiling for the whole start, for a launcher that hangs: one that gives up on a component ends its output, and
     * the test fails at once.
     */
    static final Duration START_LIMIT = READY_TIMEOUT.multipliedBy(2);

    static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration KEYCLOAK_CLOSE = Duration.ofSeconds(30);

    /** Keycloak's database in a state folder; its realm is imported again when it is gone. */
    public static final String KEYCLOAK_DATABASE = "keycloak/data/h2";

    /** The system tests' own port set (28xxx, Kafka 29092), clear of a developer's platform on 8080. */
    public static final PlatformPorts PORTS = PlatformPorts.at(28000, 29092);

    public static final int GATEWAY_PORT = PORTS.gateway();
    public static final int KEYCLOAK_PORT = PORTS.keycloak();
    public static final Map<String, Integer> SERVICE_PORTS = PORTS.services();
    public static final int KAFKA_PORT = PORTS.kafka();

    /** The platform shared by the system tests that do not test starting and stopping themselves; see {@link #shared}. */
    private static LaunchedPlatform shared;

    /** Why the shared platform did not start: later classes fail at once instead of waiting for another start. */
    private static AssertionError sharedFailure;

    private final Process process;
    private final String run;
    private final Path state;
    private final Path output;
    /** Completes with true on {@code PLATFORM READY}, with false when the output ends first (the launcher gave up). */
    private final CompletableFuture<Boolean> ready = new CompletableFuture<>();

    private final Duration startTime;
    private List<ProcessHandle> started = List.of();
    private Map<String, Long> recordedPids = Map.of();
    private boolean stopped;

    private LaunchedPlatform(Process process, String run, Path state, Path output, long since) {
        this.process = process;
        this.run = run;
        this.state = state;
        this.output = output;
        this.startTime = awaitReady(since);
    }

    /**
     * Starts the platform on {@link #PORTS} and returns once it printed {@code PLATFORM READY}; fails the test (and
     * stops it) if not. {@code run} names the file the launcher's output goes to.
     */
    public static LaunchedPlatform start(Path root, Path state, String run) throws IOException {
        return start(root, state, run, PORTS, Map.of());
    }

    /**
     * As {@link #start(Path, Path, String)} on other ports, with more environment for the launcher: {@code
     * PLATFORM_REPLICAS}, {@code KAFKA_BOOTSTRAP_SERVERS} for a broker the test runs itself, or {@code
     * FEDERATION_SETTINGS} for another federation's installation. A shared platform still running is stopped first:
     * the machines the tests run on do not hold two whole platforms side by side.
     */
    public static LaunchedPlatform start(
            Path root, Path state, String run, PlatformPorts ports, Map<String, String> extraEnv) throws IOException {
        stopShared();
        Path jar = root.resolve("infra/target/infra.jar");
        assertThat(jar)
                .as("the launcher jar, built by the infra module before this module")
                .isRegularFile();
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
        env.putAll(ports.env());
        env.put("PLATFORM_STATE", state.toString());
        env.put("PLATFORM_ROOT", root.toString());
        env.put("PLATFORM_READY_TIMEOUT", Long.toString(READY_TIMEOUT.toSeconds()));
        env.putAll(extraEnv);
        Path output = root.resolve("system-tests/target/platform-" + run + ".out");
        Files.createDirectories(output.getParent());
        long since = System.nanoTime();
        return new LaunchedPlatform(command.start(), run, state, output, since);
    }

    /**
     * One platform for every test class that only uses it, started by the first that asks and stopped at the end of
     * the test run ({@link SharedPlatform}) or as soon as a test starts a platform of its own.
     */
    public static synchronized LaunchedPlatform shared() throws IOException {
        if (sharedFailure != null) {
            throw new AssertionError("the shared platform did not start earlier in this run", sharedFailure);
        }
        if (shared == null || shared.stopped) {
            Path root = root();
            Path state = stateFolder("platform.state", "platform-state");
            // the realm is imported afresh: tests must not depend on what an earlier run left in Keycloak, and on a
            // loaded machine Keycloak has failed to reopen its H2 database (connection acquisition timeout)
            clearState(state, KEYCLOAK_DATABASE);
            LaunchedPlatform started;
            try {
                started = start(root, state, "shared");
            } catch (AssertionError e) {
                sharedFailure = e;
                throw e;
            }
            System.out.println(
                    "[platform] shared platform ready in " + started.startTime().toMillis() / 1000.0 + " s");
            shared = started;
        }
        return shared;
    }

    /** The repository checkout whose jars the platform runs ({@code -Dplatform.root}, set by the build). */
    public static Path root() {
        return Path.of(System.getProperty("platform.root", ".."))
                .toAbsolutePath()
                .normalize();
    }

    /**
     * A state folder of its own for a test's platform: where the system property {@code property} says (the build sets
     * one below {@code target/} for each), else {@code target/<fallback>}.
     */
    public static Path stateFolder(String property, String fallback) {
        return Path.of(System.getProperty(property, "target/" + fallback))
                .toAbsolutePath()
                .normalize();
    }

    /**
     * Deletes folders of a state folder before a start, e.g. {@code mongo} and {@code pids} for fresh databases or
     * {@link #KEYCLOAK_DATABASE} for a realm imported afresh (Keycloak's installation itself is kept: preparing it
     * takes minutes).
     */
    public static void clearState(Path state, String... folders) throws IOException {
        for (String folder : folders) {
            deleteRecursively(state.resolve(folder));
        }
    }

    public static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** Stops the shared platform if it runs, so that a test can start one of its own on the same ports. */
    public static synchronized void stopShared() {
        if (shared == null) {
            return;
        }
        LaunchedPlatform running = shared;
        shared = null;
        try {
            running.stopAndAssertNothingIsLeft();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The platform's state folder: databases, Kafka's log, and {@code logs/} with one log file per process. */
    public Path state() {
        return state;
    }

    /** What the launcher printed: the ready block with the addresses and the accounts. */
    public Path output() {
        return output;
    }

    /** The pid file the launcher keeps for a component, e.g. {@code reporting-service} or {@code reporting-service-2}. */
    public Path pidFile(String component) {
        return state.resolve("pids").resolve(component + ".pid");
    }

    /** One log file per process the launcher started. */
    public Path logs() {
        return state.resolve("logs");
    }

    public Duration startTime() {
        return startTime;
    }

    /**
     * Sends SIGTERM as Ctrl-C would, then checks that the launcher, every process it started and every process its pid
     * files named are gone, and that it removed its pid files.
     */
    public void stopAndAssertNothingIsLeft() throws InterruptedException {
        if (stopped) {
            return;
        }
        Stopped stop = stopOnce();
        assertThat(stop.exited())
                .as("launcher stopped within %s of SIGTERM", STOP_TIMEOUT)
                .isTrue();
        assertThat(stop.leftRunning())
                .as("processes left running after the launcher stopped")
                .isEmpty();
        assertThat(pidFiles()).as("pid files left in %s", state.resolve("pids")).isEmpty();
    }

    /**
     * Sends SIGTERM as Ctrl-C would and ends whatever the launcher left running; for a test that has killed and started
     * processes of the platform itself. Returns whether the launcher stopped within {@link #STOP_TIMEOUT}.
     */
    public boolean stop() throws InterruptedException {
        return stopped || stopOnce().exited();
    }

    private record Stopped(boolean exited, List<ProcessHandle> leftRunning) {}

    private Stopped stopOnce() throws InterruptedException {
        stopped = true;
        // SIGTERM through the handle: Process.destroy() would also close the output stream before "stopped" is read.
        process.toHandle().destroy();
        boolean exited = process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        List<ProcessHandle> alive =
                new ArrayList<>(started.stream().filter(ProcessHandle::isAlive).toList());
        recordedPids.values().stream()
                .map(ProcessHandle::of)
                .flatMap(Optional::stream)
                .filter(ProcessHandle::isAlive)
                .forEach(alive::add);
        // Keycloak's JVM may still be closing its database after the launcher is gone: give it time before forcing
        awaitExit(alive, KEYCLOAK_CLOSE);
        alive.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        if (!exited) {
            process.destroyForcibly();
        }
        return new Stopped(exited, List.copyOf(alive));
    }

    private static void awaitExit(List<ProcessHandle> processes, Duration limit) throws InterruptedException {
        try {
            CompletableFuture.allOf(
                            processes.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new))
                    .get(limit.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // forced below
        }
    }

    private Duration awaitReady(long since) {
        Thread reader = new Thread(this::copyOutput, "platform-" + run + "-output");
        reader.setDaemon(true);
        reader.start();
        boolean isReady;
        try {
            isReady = ready.get(START_LIMIT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            isReady = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            isReady = false;
        }
        Duration took = Duration.ofNanos(System.nanoTime() - since);
        if (!isReady) {
            giveUp();
            fail("the platform was not ready after " + took.toSeconds() + " s (limit " + START_LIMIT.toSeconds()
                    + " s); its output is in " + output + ", the component logs in " + logs());
        }
        started = process.descendants().toList();
        recordedPids = readPidFiles();
        return took;
    }

    private void giveUp() {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.toHandle().destroy();
        try {
            process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        descendants.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /** Copies the launcher's output to a file and echoes its progress lines, so a slow start is visible in the build. */
    private void copyOutput() {
        try (BufferedReader in =
                        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                PrintWriter out = new PrintWriter(Files.newBufferedWriter(output, StandardCharsets.UTF_8), true)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                out.println(line);
                if (line.contains("✓")
                        || line.contains("✗")
                        || line.contains("!")
                        || line.startsWith("PLATFORM")
                        || line.startsWith("Starting")
                        || line.startsWith("Stopping")
                        || line.equals("stopped")) {
                    System.out.println("[platform " + run + "] " + line);
                }
                if (line.startsWith("PLATFORM READY")) {
                    ready.complete(true);
                }
            }
        } catch (IOException e) {
            System.out.println("[platform " + run + "] output no longer readable: " + e);
        } finally {
            ready.complete(false);
        }
    }

    private Map<String, Long> readPidFiles() {
        Map<String, Long> pids = new HashMap<>();
        for (Path file : pidFiles()) {
            try {
                pids.put(
                        file.getFileName().toString(),
                        Long.parseLong(Files.readString(file).trim()));
            } catch (IOException | NumberFormatException e) {
                fail("unreadable pid file " + file + ": " + e);
            }
        }
        assertThat(pids)
                .as("pid files of a ready platform")
                .containsKeys("platform.pid", "keycloak.pid", "gateway.pid");
        return pids;
    }

    private List<Path> pidFiles() {
        Path dir = state.resolve("pids");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".pid")).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
