package cn.fulian.starter.sample;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fulian.events.EventCodec;
import cn.fulian.events.Topics;
import cn.fulian.events.activity.ActivityRecorded;
import cn.fulian.starter.test.Eventually;
import cn.fulian.starter.test.ServiceTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

/** The service's own listener container: duplicates counted once, a poison message parked without stalling. */
@ServiceTest
class ListenerDeadLetterTest {

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    EventCodec codec;

    @Test
    void aPoisonMessageGoesToTheDeadLetterTopicAndTheNextEventOnItsPartitionIsStillApplied() {
        String unit = "350100/350111"; // a unit no other test writes to
        String key = "same-partition-key";
        String good = envelope(unit, key, 77);
        try (KafkaProducer<String, String> producer = KafkaProbe.producer(broker)) {
            KafkaProbe.send(producer, Topics.ACTIVITY, key, "{this is not an event");
            KafkaProbe.send(producer, Topics.ACTIVITY, key, good);
            KafkaProbe.send(producer, Topics.ACTIVITY, key, good); // a producer re-send of the same event
        }

        Eventually.within(Duration.ofSeconds(30), "good event applied", () -> participants(unit) == 77);
        assertThat(KafkaProbe.read(broker, Topics.deadLetter(Topics.ACTIVITY), r -> true, 1))
                .anySatisfy(r -> assertThat(r.value()).isEqualTo("{this is not an event"));

        // give the duplicate time to arrive: it must not be counted
        Eventually.within(
                Duration.ofSeconds(10),
                "duplicate consumed",
                () -> mongo.exists(
                        org.springframework.data.mongodb.core.query.Query.query(
                                org.springframework.data.mongodb.core.query.Criteria.where("offset")
                                        .gt(0)
                                        .and("type")
                                        .is("ActivityRecorded")),
                        "processed_events"));
        assertThat(participants(unit)).isEqualTo(77);
        assertThat(participants("350100")).isGreaterThanOrEqualTo(77);
    }

    private String envelope(String unit, String key, long participants) {
        ActivityRecorded event = new ActivityRecorded(
                key,
                unit,
                "TRAINING",
                2026,
                LocalDate.of(2026, 7, 1),
                LocalDate.of(2026, 7, 1),
                Map.of("participants", BigDecimal.valueOf(participants)),
                List.of());
        return codec.toJson(codec.wrap(event, "activity-service", unit, key, Instant.now()));
    }

    private long participants(String unit) {
        Document d = mongo.findById(unit, Document.class, "totals");
        return d == null ? 0 : ((Number) d.get("participants")).longValue();
    }
}
