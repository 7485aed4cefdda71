package cn.fulian.planning;

import cn.fulian.events.EventCodec;
import cn.fulian.events.EventEnvelope;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

/** Reads a topic from the beginning as another service would, keeping the envelopes a test cares about. */
final class TopicReader {

    record Published(String key, EventEnvelope envelope) {}

    private TopicReader() {}

    static List<Published> read(
            EmbeddedKafkaBroker broker, String topic, Predicate<EventEnvelope> filter, int expected) {
        EventCodec codec = new EventCodec();
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<Published> out = new ArrayList<>();
        try (KafkaConsumer<String, String> c =
                new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            c.subscribe(List.of(topic));
            long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            boolean extra = false;
            while (System.nanoTime() < end) {
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(200))) {
                    EventEnvelope e = codec.fromJson(r.value());
                    if (filter.test(e)) {
                        out.add(new Published(r.key(), e));
                    }
                }
                if (out.size() >= expected) {
                    if (extra) {
                        break;
                    }
                    extra = true; // one more poll to catch anything that should not be there
                }
            }
        }
        return out;
    }
}
