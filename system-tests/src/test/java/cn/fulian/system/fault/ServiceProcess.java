package cn.fulian.system.fault;

import static cn.fulian.system.PlatformApi.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * One service JVM of the running platform and how it was started: its command line, environment and working
 * directory, read from {@code /proc/<pid>} while it runs. That is enough to kill it and start it again exactly as the
 * launcher did, or to start a second instance of it on another port. The launcher does not restart a service that
 * died (it only reports it), so after a kill the test does.
 */
public final class ServiceProcess {

    /** Instances this test started; stopped at the end, or when the test's JVM ends early. */
    private static final List<Process> startedHere = new CopyOnWriteArrayList<>();

    static {
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> startedHere.forEach(p -> p.toHandle().destroyForcibly()), "fault-service-cleanup"));
    }

    private final String name;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path workingDir;
    private final Path logDir;
    private volatile ProcessHandle current;

    private ServiceProcess(
            String name,
            List<String> command,
            Map<String, String> environment,
            Path workingDir,
            Path logDir,
            ProcessHandle current) {
        this.name = name;
        this.command = command;
        this.environment = environment;
        this.workingDir = workingDir;
        this.logDir = logDir;
        this.current = current;
    }

    /** Reads the running service named by the launcher's pid file. */
    public static ServiceProcess of(String name, Path pidFile, Path logDir) throws IOException {
        long pid = Long.parseLong(Files.readString(pidFile).trim());
        ProcessHandle handle =
                ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException(name + " (pid " + pid + ") is gone"));
        Path proc = Path.of("/proc", Long.toString(pid));
        List<String> command = split(Files.readAllBytes(proc.resolve("cmdline")));
        Map<String, String> env = new LinkedHashMap<>();
        for (String entry : split(Files.readAllBytes(proc.resolve("environ")))) {
            int eq = entry.indexOf('=');
            if (eq > 0) {
                env.put(entry.substring(0, eq), entry.substring(eq + 1));
            }
        }
        Path cwd = Files.readSymbolicLink(proc.resolve("cwd"));
        return new ServiceProcess(name, command, env, cwd, logDir, handle);
    }

    String name() {
        return name;
    }

    int port() {
        return Integer.parseInt(environment.get("SERVER_PORT"));
    }

    /** Where the launcher told the service to serve its health: the one {@code <NAME>_MANAGEMENT_PORT} it passed. */
    int managementPort() {
        return Integer.parseInt(environment.get(managementPortVariable(environment)));
    }

    private static String managementPortVariable(Map<String, String> env) {
        return env.keySet().stream()
                .filter(k -> k.endsWith("_MANAGEMENT_PORT") && !k.startsWith("KEYCLOAK"))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no management port in the service's environment"));
    }

    boolean isAlive() {
        return current.isAlive();
    }

    /** SIGKILL: no shutdown hook, no flush, no offset commit, no outbox round. */
    public void kill() throws InterruptedException {
        ProcessHandle handle = current;
        handle.destroyForcibly();
        waitForExit(handle, Duration.ofSeconds(30));
    }

    /** SIGTERM, as an orchestrator stops a pod, and waits for the JVM to end. */
    void stop() throws InterruptedException {
        ProcessHandle handle = current;
        handle.destroy();
        if (!waitForExit(handle, Duration.ofSeconds(30))) {
            handle.destroyForcibly();
            waitForExit(handle, Duration.ofSeconds(10));
        }
        startedHere.removeIf(p -> p.pid() == handle.pid());
    }

    /** Starts the same command with the same environment again and waits until it reports itself healthy. */
    public void restart(Duration timeout) throws Exception {
        if (current.isAlive()) {
            throw new IllegalStateException(name + " is still running");
        }
        current = launch(environment, name + "-restarted.log").toHandle();
        awaitHealthy(managementPort(), timeout);
    }

    /** A second instance of this service: the same command and environment on another HTTP port. */
    ServiceProcess secondInstance(int port, Duration timeout) throws Exception {
        Map<String, String> env = new LinkedHashMap<>(environment);
        env.put("SERVER_PORT", Integer.toString(port));
        env.put(managementPortVariable(env), Integer.toString(port + 1000));
        Process process = launch(env, name + "-" + port + ".log");
        ServiceProcess second =
                new ServiceProcess(name + "@" + port, command, env, workingDir, logDir, process.toHandle());
        awaitHealthy(second.managementPort(), timeout);
        return second;
    }

    /** Stops whatever this test started that is still running. */
    public static void stopAllStartedHere() throws InterruptedException {
        for (Process p : new ArrayList<>(startedHere)) {
            p.toHandle().destroy();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
            startedHere.remove(p);
        }
    }

    private Process launch(Map<String, String> env, String logName) throws IOException {
        Files.createDirectories(logDir);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workingDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(
                        ProcessBuilder.Redirect.appendTo(logDir.resolve(logName).toFile()));
        builder.environment().clear();
        builder.environment().putAll(env);
        Process process = builder.start();
        startedHere.add(process);
        return process;
    }

    private void awaitHealthy(int managementPort, Duration timeout) throws Exception {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .build();
        URI health = URI.create("http://127.0.0.1:" + managementPort + "/actuator/health");
        String what = name + " (management port " + managementPort + ") healthy within " + timeout + "; see its log in "
                + logDir;
        eventually(timeout, () -> {
            String answer;
            try {
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(health)
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                answer = response.statusCode() + " " + response.body();
            } catch (IOException stillStarting) {
                answer = stillStarting.toString();
            }
            assertThat(answer).as(what).startsWith("200 ").contains("\"UP\"");
        });
    }

    private static boolean waitForExit(ProcessHandle handle, Duration timeout) throws InterruptedException {
        try {
            handle.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return !handle.isAlive();
        }
    }

    private static List<String> split(byte[] nulSeparated) {
        String text = new String(nulSeparated, StandardCharsets.UTF_8);
        return Arrays.stream(text.split("\u0000")).filter(s -> !s.isEmpty()).toList();
    }
}
