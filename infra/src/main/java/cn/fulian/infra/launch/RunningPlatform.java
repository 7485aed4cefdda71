package cn.fulian.infra.launch;

import cn.fulian.infra.Component;
import cn.fulian.infra.Console;
import cn.fulian.infra.PlatformSettings;
import cn.fulian.infra.Topology;
import cn.fulian.infra.federation.FederationSettings;
import cn.fulian.infra.front.RoundRobinFront;
import cn.fulian.infra.kafka.KafkaBroker;
import cn.fulian.infra.keycloak.KeycloakDatabase;
import cn.fulian.infra.keycloak.KeycloakDistribution;
import cn.fulian.infra.keycloak.KeycloakServer;
import cn.fulian.infra.keycloak.RealmGenerator;
import cn.fulian.infra.probe.Probe;
import cn.fulian.infra.process.ChildProcess;
import cn.fulian.infra.process.PidFiles;
import cn.fulian.infra.process.StatusFiles;
import cn.fulian.infra.process.SupervisedChild;
import cn.fulian.infra.service.JavaService;
import cn.fulian.infra.service.LocalSecrets;
import cn.fulian.infra.service.Services;
import cn.fulian.store.MongoWireServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform this launcher started: its child processes, the in-process Kafka and Mongo-wire server, and the pid
 * files that record them. Starting and stopping are mutually exclusive, so a Ctrl-C in the middle of the start never
 * leaves a process behind that was started after the shutdown hook looked.
 */
final class RunningPlatform {

    private static final Logger log = LoggerFactory.getLogger(RunningPlatform.class);

    private static final Duration KAFKA_PORT_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration SERVICE_STOP_GRACE = Duration.ofSeconds(10);
    /** Keycloak closes its H2 database on SIGTERM; killing it earlier is what leaves a database it cannot reopen. */
    private static final Duration KEYCLOAK_STOP_GRACE = Duration.ofSeconds(30);

    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);

    private final PlatformSettings settings;
    private final PidFiles pids;
    private final Map<String, Component> components;
    private final LocalSecrets secrets;
    private final KeycloakDistribution keycloakDistribution;
    private final StatusFiles statuses;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "supervision");
        t.setDaemon(true);
        return t;
    });
    private final List<SupervisedChild> services = new CopyOnWriteArrayList<>();
    private volatile SupervisedChild keycloak;
    private MongoWireServer mongo;
    private KafkaBroker kafka;
    private RoundRobinFront front;
    private volatile boolean stopping;
    private boolean stopped;

    private final FederationSettings federation;

    RunningPlatform(PlatformSettings settings, FederationSettings federation, PidFiles pids) {
        this.settings = settings;
        this.federation = federation;
        this.pids = pids;
        this.statuses = new StatusFiles(settings.pidDir());
        this.keycloakDistribution = new KeycloakDistribution(settings.keycloakHome());
        this.secrets = new LocalSecrets(settings.state().resolve("secrets"), System.getenv());
        this.components =
                Topology.components(settings).stream().collect(Collectors.toMap(Component::name, Function.identity()));
    }

    /** Starts everything and returns once every component answers; {@code since} is when {@code up} began. */
    void start(long since) throws IOException, StartupFailure {
        Files.createDirectories(settings.logDir());
        pids.write(PidFiles.LAUNCHER, ProcessHandle.current().pid());
        statuses.deleteAll();
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
        startFront(since);
        awaitReady(waiting, since);
    }

    /**
     * From now on a child that exits unexpectedly is restarted (with backoff, until the restart policy gives it up);
     * the others keep running meanwhile.
     */
    void superviseChildren() {
        children().forEach(SupervisedChild::supervise);
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
        List<SupervisedChild> supervised = new ArrayList<>(services);
        Collections.reverse(supervised);
        List<ChildProcess> gatewayFirst = new ArrayList<>();
        supervised.forEach(s -> s.stop().ifPresent(gatewayFirst::add));
        gatewayFirst.forEach(ChildProcess::requestStop);
        ChildProcess keycloakProcess = keycloak == null ? null : keycloak.stop().orElse(null);
        if (keycloakProcess != null) {
            keycloakProcess.requestStop();
        }
        scheduler.shutdownNow();
        long servicesDeadline = System.nanoTime() + SERVICE_STOP_GRACE.toNanos();
        for (ChildProcess service : gatewayFirst) {
            Duration left = Duration.ofNanos(Math.max(0, servicesDeadline - System.nanoTime()));
            if (!service.awaitStop(left)) {
                Console.line(
                        "  ! %s did not stop within %d s and was killed",
                        service.label(), SERVICE_STOP_GRACE.toSeconds());
            }
        }
        if (keycloakProcess != null && !keycloakProcess.awaitStop(KEYCLOAK_STOP_GRACE)) {
            Console.line("  ! Keycloak did not stop within %d s and was killed", KEYCLOAK_STOP_GRACE.toSeconds());
        }
        closeQuietly("gateway front", front);
        closeQuietly("Kafka", kafka);
        closeQuietly("MongoDB (wire)", mongo);
        pids.deleteAll();
        Console.line("stopped");
    }

    private synchronized SupervisedChild startKeycloak() throws IOException {
        checkNotStopping();
        keycloak = supervised(Topology.KEYCLOAK, this::launchKeycloak, this::keycloakReady);
        keycloak.start();
        return keycloak;
    }

    /**
     * Prepares the installation and its database, then starts {@code kc.sh}. Runs again before each restart: a
     * Keycloak that died abruptly may have left its database unopenable or its JVM behind.
     */
    private ChildProcess launchKeycloak(Optional<String> restartMarker) throws IOException {
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
        KeycloakDatabase.Recovery recovery = new KeycloakDatabase(distribution).recover();
        if (recovery.happened()) {
            log.warn("Keycloak database: {}", recovery.description());
            Console.line("  ! Keycloak's database: %s", recovery.description());
        }
        if (distribution.stageRealm(realm().getBytes(StandardCharsets.UTF_8))) {
            Console.line("  ! The realm (infra/keycloak/fulian-realm.json and "
                    + federation.file().getFileName()
                    + ") changed, but Keycloak keeps the realm already in its database. Stop the platform and delete "
                    + distribution.databaseDir() + " to import it afresh.");
        }
        ProcessBuilder command = new ProcessBuilder(KeycloakServer.command(
                        distribution, settings.keycloakPort(), settings.keycloakManagementPort()))
                .directory(distribution.home().toFile());
        command.environment().putAll(KeycloakServer.environment(System.getenv(), secrets.keycloakAdminPassword()));
        return launch(Topology.KEYCLOAK, command, restartMarker);
    }

    /** The realm for this installation: the template with the federation's name, addresses, secrets and accounts. */
    private String realm() throws IOException {
        JsonNode template =
                JsonMapper.builder().build().readTree(settings.realmJson().toFile());
        return RealmGenerator.generate(
                template,
                federation,
                settings.gatewayUrl(),
                secrets.gatewayClientSecret(),
                secrets.keycloakAdminApiSecret(),
                federation.demo() ? "" : secrets.initialAdminPassword());
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

    /** With several gateways: the round-robin front on the gateway's port, in this JVM. */
    private synchronized void startFront(long since) throws IOException {
        List<JavaService> gateways = Services.frontedGateways(settings);
        if (gateways.isEmpty()) {
            return;
        }
        checkNotStopping();
        Component component = components.get(Topology.GATEWAY_FRONT);
        front = RoundRobinFront.start(
                PlatformSettings.HOST,
                settings.gatewayPort(),
                gateways.stream()
                        .map(g -> new InetSocketAddress(PlatformSettings.HOST, g.port()))
                        .toList());
        Console.ready(component.label(), component.address() + " → " + gateways.size() + " gateways", since);
    }

    private synchronized SupervisedChild startService(JavaService service) throws IOException {
        checkNotStopping();
        SupervisedChild child = supervised(
                service.id(),
                restartMarker -> {
                    // Built afresh for each start from the same settings: same port, same environment, same key.
                    ProcessBuilder command = new ProcessBuilder(Services.command(service, settings))
                            .directory(settings.root().resolve(service.name()).toFile());
                    command.environment().putAll(Services.environment(service, settings));
                    command.environment().putAll(Services.federationEnvironment(service, federation));
                    command.environment().putAll(secrets.forService(service));
                    return launch(service.id(), command, restartMarker);
                },
                () -> {});
        services.add(child);
        child.start();
        return child;
    }

    private SupervisedChild supervised(String name, SupervisedChild.Launch launch, Runnable whenUp) {
        Component component = components.get(name);
        return new SupervisedChild(
                name,
                component.label(),
                launch,
                component.probe(),
                whenUp,
                settings.restartPolicy(),
                scheduler,
                pids,
                statuses,
                Clock.systemUTC());
    }

    private ChildProcess launch(String name, ProcessBuilder command, Optional<String> restartMarker)
            throws IOException {
        Component component = components.get(name);
        // a Java service writes <name>.log itself (rotated); its console output, warnings and errors, goes here
        boolean javaService = Services.all(settings).stream().anyMatch(s -> s.id().equals(name));
        Path log = settings.logDir().resolve(name + (javaService ? ".out" : ".log"));
        return restartMarker.isPresent()
                ? ChildProcess.restart(name, component.label(), command, log, restartMarker.get())
                : ChildProcess.start(name, component.label(), command, log);
    }

    private void awaitReady(List<Waiting> waiting, long since) throws StartupFailure, IOException {
        while (!waiting.isEmpty()) {
            checkNotStopping();
            for (SupervisedChild supervised : children()) {
                ChildProcess child = supervised.current().orElseThrow();
                if (!child.isAlive()) {
                    throw StartupFailure.exited(child.label(), child.exitValue(), child.log());
                }
            }
            for (Iterator<Waiting> it = waiting.iterator(); it.hasNext(); ) {
                Waiting w = it.next();
                ChildProcess child = w.child().current().orElseThrow();
                Component component = components.get(child.name());
                if (component.probe().isUp()) {
                    Console.ready(component.label(), component.address(), since);
                    it.remove();
                    w.child().markUp();
                    if (w.child() == keycloak) {
                        keycloakReady();
                    }
                } else if (System.nanoTime() - w.startedAt()
                        > settings.readyTimeout().toNanos()) {
                    throw StartupFailure.notReady(component.label(), settings.readyTimeout(), child.log());
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
    private void keycloakReady() {
        try {
            keycloakDistribution.markDatabaseComplete();
        } catch (IOException e) {
            log.warn("cannot mark Keycloak's database as complete", e);
        }
        keycloak.current()
                .flatMap(kc -> kc.process().descendants().findFirst())
                .ifPresent(jvm -> pids.write(Topology.KEYCLOAK + "-jvm", jvm.pid()));
    }

    private List<SupervisedChild> children() {
        List<SupervisedChild> children = new ArrayList<>(services);
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
    private record Waiting(SupervisedChild child, long startedAt) {}
}
