package cn.fulian.infra.launch;

import cn.fulian.infra.Component;
import cn.fulian.infra.Console;
import cn.fulian.infra.PlatformSettings;
import cn.fulian.infra.Topology;
import cn.fulian.infra.kafka.KafkaBroker;
import cn.fulian.infra.keycloak.KeycloakDistribution;
import cn.fulian.infra.keycloak.KeycloakServer;
import cn.fulian.infra.mongo.MongoWireServer;
import cn.fulian.infra.probe.Probe;
import cn.fulian.infra.process.ChildProcess;
import cn.fulian.infra.process.PidFiles;
import cn.fulian.infra.service.JavaService;
import cn.fulian.infra.service.LocalSecrets;
import cn.fulian.infra.service.Services;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform this launcher started: its child processes, the in-process Kafka and Mongo-wire server, and the pid
 * files that record them. Starting and stopping are mutually exclusive, so a Ctrl-C in the middle of the start never
 * leaves a process behind that was started after the shutdown hook looked.
 */
final class RunningPlatform {

    private static final Logger log = LoggerFactory.getLogger(RunningPlatform.class);

    private static final Duration KAFKA_PORT_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration SERVICE_STOP_GRACE = Duration.ofSeconds(10);
    private static final Duration KEYCLOAK_STOP_GRACE = Duration.ofSeconds(15);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);
    private static final int EXIT_SIGINT = 130;
    private static final int EXIT_SIGTERM = 143;

    private final PlatformSettings settings;
    private final PidFiles pids;
    private final Map<String, Component> components;
    private final LocalSecrets secrets;
    private final KeycloakDistribution keycloakDistribution;
    private final List<ChildProcess> services = new CopyOnWriteArrayList<>();
    private volatile ChildProcess keycloak;
    private MongoWireServer mongo;
    private KafkaBroker kafka;
    private volatile boolean stopping;
    private boolean stopped;

    RunningPlatform(PlatformSettings settings, PidFiles pids) {
        this.settings = settings;
        this.pids = pids;
        this.keycloakDistribution = new KeycloakDistribution(settings.keycloakHome());
        this.secrets = new LocalSecrets(settings.state().resolve("secrets"), System.getenv());
        this.components =
                Topology.components(settings).stream().collect(Collectors.toMap(Component::name, Function.identity()));
    }

    /** Starts everything and returns once every component answers; {@code since} is when {@code up} began. */
    void start(long since) throws IOException, StartupFailure {
        Files.createDirectories(settings.logDir());
        pids.write(PidFiles.LAUNCHER, ProcessHandle.current().pid());
        List<Waiting> waiting = new ArrayList<>();
        // Keycloak first: it is the slowest by far and boots while everything else starts.
        waiting.add(new Waiting(startKeycloak(), System.nanoTime()));
        if (settings.externalMongoUri().isEmpty()) {
            startMongo(since);
        }
        if (settings.externalKafka().isEmpty()) {
            startKafka(since);
        }
        // The services need Kafka and MongoDB at start, but Keycloak only for the first token they check.
        for (JavaService service : Services.all(settings)) {
            waiting.add(new Waiting(startService(service), System.nanoTime()));
        }
        awaitReady(waiting, since);
    }

    /**
     * Reports on the console when a child dies after the platform was ready; the others keep running. An exit by
     * SIGINT or SIGTERM is not reported: Ctrl-C reaches the children together with the launcher.
     */
    void reportUnexpectedExits() {
        for (ChildProcess child : children()) {
            child.process().onExit().thenRun(() -> {
                int code = child.exitValue();
                if (!stopping && code != EXIT_SIGINT && code != EXIT_SIGTERM) {
                    Console.failed(child.label(), "stopped unexpectedly (exit code " + code + "), see " + child.log());
                }
            });
        }
    }

    /**
     * Stops the gateway and the services, then Keycloak (both asked at once: neither needs the other to stop), then
     * Kafka and MongoDB, which the services used until the end. Safe to call twice: the shutdown hook calls it too.
     */
    synchronized void stop() {
        if (stopped) {
            return;
        }
        stopping = true;
        stopped = true;
        Console.line("Stopping the platform …");
        List<ChildProcess> gatewayFirst = new ArrayList<>(services);
        Collections.reverse(gatewayFirst);
        gatewayFirst.forEach(ChildProcess::requestStop);
        if (keycloak != null) {
            keycloak.requestStop();
        }
        long servicesDeadline = System.nanoTime() + SERVICE_STOP_GRACE.toNanos();
        for (ChildProcess service : gatewayFirst) {
            Duration left = Duration.ofNanos(Math.max(0, servicesDeadline - System.nanoTime()));
            if (!service.awaitStop(left)) {
                Console.line(
                        "  ! %s did not stop within %d s and was killed",
                        service.label(), SERVICE_STOP_GRACE.toSeconds());
            }
        }
        if (keycloak != null && !keycloak.awaitStop(KEYCLOAK_STOP_GRACE)) {
            Console.line("  ! Keycloak did not stop within %d s and was killed", KEYCLOAK_STOP_GRACE.toSeconds());
        }
        closeQuietly("Kafka", kafka);
        closeQuietly("MongoDB (wire)", mongo);
        pids.deleteAll();
        Console.line("stopped");
    }

    private synchronized ChildProcess startKeycloak() throws IOException {
        checkNotStopping();
        KeycloakDistribution distribution = keycloakDistribution;
        if (!distribution.isUnpacked()) {
            long t = System.nanoTime();
            boolean repair = distribution.exists();
            distribution.unpack(settings.keycloakZip());
            Console.line(
                    repair
                            ? "  · Keycloak was left incomplete by an interrupted first start; unpacked it again into %s"
                                    + " in %s (its data is kept)"
                            : "  · Keycloak unpacked into %s in %s (first start only)",
                    distribution.home(),
                    Console.elapsed(t));
        }
        if (distribution.discardIncompleteDatabase()) {
            Console.line(
                    "  · Keycloak's database was left incomplete by an interrupted first start; it is created afresh");
        }
        if (distribution.stageRealm(settings.realmJson())) {
            Console.line("  ! infra/keycloak/fulian-realm.json changed, but Keycloak keeps the realm already in its"
                    + " database. Stop the platform and delete " + distribution.databaseDir()
                    + " to import it afresh.");
        }
        ProcessBuilder command = new ProcessBuilder(KeycloakServer.command(
                        distribution, settings.keycloakPort(), settings.keycloakManagementPort()))
                .directory(distribution.home().toFile());
        command.environment().putAll(KeycloakServer.environment(System.getenv()));
        keycloak = launch(Topology.KEYCLOAK, command);
        return keycloak;
    }

    private synchronized void startMongo(long since) throws IOException {
        checkNotStopping();
        Component component = components.get(Topology.MONGO);
        mongo = MongoWireServer.start(
                settings.state().resolve("mongo").resolve("data.mv"), PlatformSettings.HOST, settings.mongoPort());
        Console.ready(component.label(), component.address(), since);
    }

    private synchronized void startKafka(long since) throws IOException, StartupFailure {
        checkNotStopping();
        Component component = components.get(Topology.KAFKA);
        kafka = KafkaBroker.start(
                settings.state().resolve("kafka"),
                PlatformSettings.HOST,
                settings.kafkaPort(),
                settings.kafkaControllerPort(),
                this::kafkaWantsToExit);
        awaitPort(component);
        Console.ready(component.label(), component.address(), since);
    }

    private synchronized ChildProcess startService(JavaService service) throws IOException {
        checkNotStopping();
        ProcessBuilder command = new ProcessBuilder(Services.command(service, settings))
                .directory(settings.root().resolve(service.name()).toFile());
        command.environment().putAll(Services.environment(service, settings));
        command.environment().putAll(secrets.forService(service));
        ChildProcess child = launch(service.name(), command);
        services.add(child);
        return child;
    }

    private ChildProcess launch(String name, ProcessBuilder command) throws IOException {
        Component component = components.get(name);
        ChildProcess child = ChildProcess.start(
                name, component.label(), command, settings.logDir().resolve(name + ".log"));
        pids.write(name, child.pid());
        return child;
    }

    private void awaitReady(List<Waiting> waiting, long since) throws StartupFailure, IOException {
        while (!waiting.isEmpty()) {
            checkNotStopping();
            for (ChildProcess child : children()) {
                if (!child.isAlive()) {
                    throw StartupFailure.exited(child.label(), child.exitValue(), child.log());
                }
            }
            for (Iterator<Waiting> it = waiting.iterator(); it.hasNext(); ) {
                Waiting w = it.next();
                Component component = components.get(w.child().name());
                if (component.probe().isUp()) {
                    Console.ready(component.label(), component.address(), since);
                    it.remove();
                    if (w.child() == keycloak) {
                        keycloakReady();
                    }
                } else if (System.nanoTime() - w.startedAt()
                        > settings.readyTimeout().toNanos()) {
                    throw StartupFailure.notReady(
                            component.label(),
                            settings.readyTimeout(),
                            w.child().log());
                }
            }
            if (!waiting.isEmpty()) {
                sleep(POLL_INTERVAL);
            }
        }
    }

    private void awaitPort(Component component) throws StartupFailure {
        Probe probe = component.probe();
        long deadline = System.nanoTime() + KAFKA_PORT_TIMEOUT.toNanos();
        while (!probe.isUp()) {
            if (System.nanoTime() > deadline) {
                throw StartupFailure.notReady(
                        component.label(), KAFKA_PORT_TIMEOUT, settings.logDir().resolve("infra.log"));
            }
            sleep(Duration.ofMillis(100));
        }
    }

    /**
     * Marks Keycloak's database as complete, and records Keycloak's JVM: {@code kc.sh} runs it as its child, and its own
     * pid file lets {@code down} stop it even if the script died first and the JVM was re-parented.
     */
    private void keycloakReady() throws IOException {
        keycloakDistribution.markDatabaseComplete();
        keycloak.process()
                .descendants()
                .findFirst()
                .ifPresent(jvm -> pids.write(Topology.KEYCLOAK + "-jvm", jvm.pid()));
    }

    private List<ChildProcess> children() {
        List<ChildProcess> children = new ArrayList<>(services);
        if (keycloak != null) {
            children.add(0, keycloak);
        }
        return children;
    }

    private void kafkaWantsToExit() {
        if (!stopping) {
            Console.error("Kafka failed and asked to end the launcher; stopping the platform (see "
                    + settings.logDir().resolve("infra.log") + ")");
            new Thread(() -> System.exit(1), "kafka-fatal-exit").start();
        }
    }

    private void checkNotStopping() {
        if (stopping) {
            throw new StopRequested();
        }
    }

    private static void closeQuietly(String label, AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            log.warn("stopping {} failed", label, e);
            Console.line("  ! stopping %s failed: %s", label, e.getMessage());
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StopRequested();
        }
    }

    /** A started child and when it was started: the ready timeout counts from there. */
    private record Waiting(ChildProcess child, long startedAt) {}
}
