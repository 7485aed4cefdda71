package cn.fulian.starter.sample;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fulian.events.EventCodec;
import cn.fulian.events.Topics;
import cn.fulian.starter.test.Eventually;
import cn.fulian.starter.test.ServiceTest;
import java.time.Duration;
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
        String good = ActivityStream.envelope(codec, key, unit, 77);
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

    private long participants(String unit) {
        Document d = mongo.findById(unit, Document.class, "totals");
        return d == null ? 0 : ((Number) d.get("participants")).longValue();
    }
}
