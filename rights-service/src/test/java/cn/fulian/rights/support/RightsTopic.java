package cn.fulian.rights.support;

import cn.fulian.events.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads {@code rights.events.v1} with a plain Kafka consumer, as another service would. */
public final class RightsTopic {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RightsTopic() {}

    /** Every record on the topic from the beginning: waits until {@code expected} match, then briefly for more. */
    public static List<ConsumerRecord<String, String>> read(
            EmbeddedKafkaBroker broker, Predicate<ConsumerRecord<String, String>> filter, int expected) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<String, String>> out = new ArrayList<>();
        try (KafkaConsumer<String, String> c =
                new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            // assigned rather than subscribed: no group coordination, so no rebalance delay per read
            List<TopicPartition> partitions = c.partitionsFor(Topics.RIGHTS, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            c.assign(partitions);
            c.seekToBeginning(partitions);
            long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (out.size() < expected && System.nanoTime() < end) {
                c.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (filter.test(r)) {
                        out.add(r);
                    }
                });
            }
            c.poll(Duration.ofMillis(500)).forEach(r -> {
                if (filter.test(r)) {
                    out.add(r);
                }
            });
        }
        return out;
    }

    /**
     * The events of one case in publishing order, each once: the relay may re-send an event under the same id (which
     * consumers drop), so they are keyed by event id.
     */
    public static List<JsonNode> eventsOf(EmbeddedKafkaBroker broker, String caseId, int expected) {
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> r : read(broker, r -> caseId.equals(r.key()), expected)) {
            JsonNode envelope = JSON.readTree(r.value());
            byId.putIfAbsent(envelope.get("eventId").asString(), envelope);
        }
        return List.copyOf(byId.values());
    }

    public static List<String> types(List<JsonNode> events) {
        return events.stream().map(e -> e.get("type").asString()).toList();
    }
}
