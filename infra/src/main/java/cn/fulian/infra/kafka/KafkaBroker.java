package cn.fulian.infra.kafka;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka in KRaft mode, broker and controller in one node, running in the launcher's JVM. The log directory is formatted
 * once (when {@code meta.properties} is missing) and reused afterwards, so topics and committed offsets survive a
 * restart of the platform.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaBroker.class);

    private final KafkaRaftServer server;

    private KafkaBroker(KafkaRaftServer server) {
        this.server = server;
    }

    /**
     * Formats {@code dir} if needed and starts the broker; returns once it has started.
     *
     * @param onFatalExit runs when Kafka asks to exit or halt the JVM (an unrecoverable fault): the launcher must stop
     *     its child processes first instead of letting Kafka end the JVM under them
     */
    public static KafkaBroker start(Path dir, String host, int port, int controllerPort, Runnable onFatalExit)
            throws IOException {
        Files.createDirectories(dir);
        Properties config = config(dir.resolve("logs"), host, port, controllerPort);
        if (!Files.exists(dir.resolve("logs").resolve("meta.properties"))) {
            format(dir, config);
        }
        interceptExit(onFatalExit);
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(config, false), Time.SYSTEM);
        server.startup();
        return new KafkaBroker(server);
    }

    /**
     * One-node settings: replication factor 1 for the internal topics, few offset partitions (the default 50 makes the
     * first start slow on two cores) and no initial rebalance delay, so a consumer group starts consuming at once.
     */
    static Properties config(Path logDir, String host, int port, int controllerPort) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@" + host + ":" + controllerPort);
        p.put("listeners", "PLAINTEXT://" + host + ":" + port + ",CONTROLLER://" + host + ":" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://" + host + ":" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", logDir.toString());
        p.put("num.partitions", "1");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "4");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("auto.create.topics.enable", "true");
        p.put("log.retention.hours", "168");
        return p;
    }

    private static void format(Path dir, Properties config) throws IOException {
        Path file = dir.resolve("server.properties");
        try (OutputStream out = Files.newOutputStream(file)) {
            config.store(out, "written by the platform launcher before formatting the log directory");
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int rc = StorageTool.execute(
                new String[] {"format", "-t", Uuid.randomUuid().toString(), "-c", file.toString()},
                new PrintStream(output, true, StandardCharsets.UTF_8));
        String text = output.toString(StandardCharsets.UTF_8).trim();
        if (rc != 0) {
            throw new IOException("formatting the Kafka log directory failed (rc " + rc + "): " + text);
        }
        log.info("formatted Kafka log directory: {}", text);
    }

    /**
     * Kafka calls {@code Exit.halt} on some faults and during shutdown. In this JVM that would end the launcher before
     * its shutdown hook has stopped the services, so the request is logged and handed to the launcher instead.
     */
    private static void interceptExit(Runnable onFatalExit) {
        Exit.Procedure procedure = (status, message) -> {
            log.warn("Kafka asked to end the JVM (status {}, {}); the launcher decides", status, message);
            onFatalExit.run();
        };
        Exit.setExitProcedure(procedure);
        Exit.setHaltProcedure(procedure);
    }

    /** Stops the broker and waits until its log segments are closed. */
    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }
}
