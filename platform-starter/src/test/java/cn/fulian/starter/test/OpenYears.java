package cn.fulian.starter.test;

import cn.fulian.events.EventCodec;
import cn.fulian.events.Topics;
import cn.fulian.events.planning.EntryYearOpened;
import cn.fulian.starter.entryyear.EntryYears;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

/** Opens a past year for entry the way city staff do (planning publishes EntryYearOpened) and waits for the copy. */
public final class OpenYears {

    private OpenYears() {}

    public static void open(EmbeddedKafkaBroker broker, EntryYears years, int year) {
        if (years.isOpen(year)) {
            return;
        }
        EventCodec codec = new EventCodec();
        EntryYearOpened opened = new EntryYearOpened(year, "city-staff", "补录往年台账", Instant.now());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        broker.getBrokersAsString(),
                        ProducerConfig.ACKS_CONFIG,
                        "all"),
                new StringSerializer(),
                new StringSerializer())) {
            String key = "entry-year-" + year;
            producer.send(new ProducerRecord<>(
                            Topics.PLANNING,
                            key,
                            codec.toJson(codec.wrap(opened, "planning-service", "350100", key, Instant.now()))))
                    .get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        Eventually.within(Duration.ofSeconds(30), year + " open for entry", () -> years.isOpen(year));
    }
}
