package cn.fulian.system.fault;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A one-node Kafka (KRaft, broker and controller) in the test's JVM, with the settings the platform launcher gives its
 * own broker, on a fixed port and a fixed log directory. Unlike the launcher's broker it can be stopped and started
 * again while the platform runs: the same port, the same data, as a broker restart looks to its clients.
 */
final class TestKafka implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TestKafka.class);
    private static final String HOST = "127.0.0.1";

    private final Path dir;
    private final int port;
    private final int controllerPort;
    private KafkaRaftServer server;

    private TestKafka(Path dir, int port, int controllerPort) {
        this.dir = dir;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    /** Formats {@code dir} afresh and starts the broker. */
    static TestKafka startFresh(Path dir, int port, int controllerPort) throws IOException {
        TestKafka kafka = new TestKafka(dir, port, controllerPort);
        Files.createDirectories(dir);
        kafka.format();
        // Kafka ends the JVM on some faults and during some shutdown paths; here that JVM is the test's.
        Exit.Procedure noExit = (status, message) -> log.warn("Kafka asked to end the JVM ({}, {})", status, message);
        Exit.setExitProcedure(noExit);
        Exit.setHaltProcedure(noExit);
        kafka.start();
        return kafka;
    }

    String bootstrapServers() {
        return HOST + ":" + port;
    }

    synchronized boolean isRunning() {
        return server != null;
    }

    /** Starts the broker on the data it had when it was stopped, and waits until its port answers. */
    synchronized void start() {
        if (server != null) {
            return;
        }
        KafkaRaftServer s = new KafkaRaftServer(KafkaConfig.fromProps(config(), false), Time.SYSTEM);
        s.startup();
        server = s;
        awaitPort(Duration.ofSeconds(60));
    }

    /** A clean broker stop: every client loses its connection until {@link #start()}. */
    synchronized void stop() {
        if (server == null) {
            return;
        }
        server.shutdown();
        server.awaitShutdown();
        server = null;
    }

    /** Creates topics ahead of the services, with more partitions than the broker's default of one. */
    void createTopics(Map<String, Integer> partitions) throws Exception {
        try (Admin admin = admin()) {
            List<NewTopic> topics = partitions.entrySet().stream()
                    .map(e -> new NewTopic(e.getKey(), e.getValue(), (short) 1))
                    .toList();
            admin.createTopics(topics).all().get();
        }
    }

    Admin admin() {
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                10_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                30_000));
    }

    @Override
    public void close() {
        stop();
    }

    /** The launcher's one-node settings ({@code cn.fulian.infra.kafka.KafkaBroker}). */
    private Properties config() {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@" + HOST + ":" + controllerPort);
        p.put("listeners", "PLAINTEXT://" + HOST + ":" + port + ",CONTROLLER://" + HOST + ":" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", dir.resolve("logs").toString());
        p.put("num.partitions", "1");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "4");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("auto.create.topics.enable", "true");
        return p;
    }

    private void format() throws IOException {
        Path file = dir.resolve("server.properties");
        try (OutputStream out = Files.newOutputStream(file)) {
            config().store(out, "written by the fault-tolerance test before formatting the log directory");
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int rc = StorageTool.execute(
                new String[] {"format", "-t", Uuid.randomUuid().toString(), "-c", file.toString()},
                new PrintStream(output, true, StandardCharsets.UTF_8));
        if (rc != 0) {
            throw new IOException("formatting the Kafka log directory failed (rc " + rc + "): "
                    + output.toString(StandardCharsets.UTF_8));
        }
    }

    private void awaitPort(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(HOST, port), 500);
                return;
            } catch (IOException notYet) {
                sleep(100);
            }
        }
        throw new IllegalStateException("Kafka did not open " + bootstrapServers() + " within " + timeout);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
