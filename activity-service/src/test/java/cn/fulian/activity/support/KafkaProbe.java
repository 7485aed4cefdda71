package cn.fulian.activity.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

/** Plain Kafka clients against the embedded broker, reading and writing topics the way another service would. */
public final class KafkaProbe {

    private KafkaProbe() {}

    public static KafkaProducer<String, String> producer(EmbeddedKafkaBroker broker) {
        return new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        broker.getBrokersAsString(),
                        ProducerConfig.ACKS_CONFIG,
                        "all"),
                new StringSerializer(),
                new StringSerializer());
    }

    public static void send(EmbeddedKafkaBroker broker, String topic, String key, String value) {
        try (KafkaProducer<String, String> producer = producer(broker)) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The distinct events (by eventId, as consumers see them) published under one aggregate key, in order, waiting until
     * {@code expected} have arrived. An aggregate saved while its earlier events were still pending re-sends them with
     * the same eventId; consumers drop those, and so does this.
     */
    public static List<cn.fulian.events.EventEnvelope> events(
            EmbeddedKafkaBroker broker, cn.fulian.events.EventCodec codec, String topic, String key, int expected) {
        List<cn.fulian.events.EventEnvelope> distinct = new ArrayList<>();
        java.util.Set<UUID> seen = new java.util.HashSet<>();
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < end) {
            distinct.clear();
            seen.clear();
            for (ConsumerRecord<String, String> r : read(broker, topic, rec -> key.equals(rec.key()), expected)) {
                cn.fulian.events.EventEnvelope e = codec.fromJson(r.value());
                if (seen.add(e.eventId())) {
                    distinct.add(e);
                }
            }
            if (distinct.size() >= expected) {
                break;
            }
        }
        return distinct;
    }

    /**
     * Records of the topic from the beginning that match {@code filter}, read until {@code expected} arrived, then a
     * little longer to catch any that should not be there.
     */
    public static List<ConsumerRecord<String, String>> read(
            EmbeddedKafkaBroker broker, String topic, Predicate<ConsumerRecord<String, String>> filter, int expected) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<String, String>> out = new ArrayList<>();
        try (KafkaConsumer<String, String> c =
                new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            c.subscribe(List.of(topic));
            long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (out.size() < expected && System.nanoTime() < end) {
                c.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (filter.test(r)) {
                        out.add(r);
                    }
                });
            }
            c.poll(Duration.ofMillis(300)).forEach(r -> {
                if (filter.test(r)) {
                    out.add(r);
                }
            });
        }
        return out;
    }
}
