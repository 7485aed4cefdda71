package cn.fulian.starter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The consumer settings every service gets from {@code fulian-defaults.properties}, against a real broker. Services
 * start in any order, so a consumer may subscribe to a topic while it has one auto-created partition, before the
 * topic's owner grows it to its partition count; the events on the added partitions must still reach it promptly.
 */
class ConsumerDefaultsTest {

    private static final String TOPIC = "grown.events.v1";
    private static EmbeddedKafkaKraftBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = new EmbeddedKafkaKraftBroker(1, 1, TOPIC);
        broker.afterPropertiesSet();
    }

    @AfterAll
    static void stopBroker() {
        broker.destroy();
    }

    @Test
    void consumerReceivesEventsOnPartitionsAddedAfterItSubscribed() throws Exception {
        Properties config = defaultConsumerProperties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "grown-consumer");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(TOPIC));
            long joinDeadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (consumer.assignment().isEmpty() && System.nanoTime() < joinDeadline) {
                consumer.poll(Duration.ofMillis(200));
            }
            assertThat(consumer.assignment()).as("partitions assigned at first").hasSize(1);

            try (Admin admin =
                    Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()))) {
                admin.createPartitions(Map.of(TOPIC, NewPartitions.increaseTo(2)))
                        .all()
                        .get();
            }
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                    Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()),
                    new StringSerializer(),
                    new StringSerializer())) {
                producer.send(new ProducerRecord<>(TOPIC, 1, "key", "on the added partition"))
                        .get();
            }

            List<ConsumerRecord<String, String>> received = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (received.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(received::add);
            }
            assertThat(received)
                    .as("the event on the partition added after the consumer subscribed, within 20 s")
                    .extracting(ConsumerRecord::value)
                    .containsExactly("on the added partition");
        }
    }

    /** The Kafka client properties the defaults give every service's consumers. */
    private static Properties defaultConsumerProperties() throws Exception {
        Properties defaults = new Properties();
        try (InputStream in = ConsumerDefaultsTest.class.getResourceAsStream("/fulian-defaults.properties")) {
            defaults.load(in);
        }
        String prefix = "spring.kafka.consumer.properties.";
        Properties consumer = new Properties();
        defaults.stringPropertyNames().stream()
                .filter(k -> k.startsWith(prefix))
                .forEach(k -> consumer.put(k.substring(prefix.length()), defaults.getProperty(k)));
        return consumer;
    }
}
