package cn.fulian.starter.sample;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fulian.events.EventCodec;
import cn.fulian.events.Topics;
import cn.fulian.starter.test.CuttableLink;
import cn.fulian.starter.test.Eventually;
import cn.fulian.starter.test.ServiceTest;
import java.time.Duration;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.context.TestPropertySource;

/** The service's listener while the database is out of reach: events wait for it, none is dead-lettered or lost. */
@ServiceTest
@TestPropertySource(properties = "fulian.test.mongo-link=cuttable")
class DatabaseOutageTest {

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    EventCodec codec;

    @Autowired
    CuttableLink databaseLink;

    @Test
    void eventsArrivingWhileTheDatabaseIsOutOfReachAreAppliedOnceWhenItAnswersAgain() throws Exception {
        String unit = "350100/350113";
        databaseLink.cut();
        try (KafkaProducer<String, String> producer = KafkaProbe.producer(broker)) {
            KafkaProbe.send(producer, Topics.ACTIVITY, "outage-1", ActivityStream.envelope(codec, "outage-1", unit, 5));
            KafkaProbe.send(producer, Topics.ACTIVITY, "outage-2", ActivityStream.envelope(codec, "outage-2", unit, 7));
            KafkaProbe.send(
                    producer, Topics.ACTIVITY, "outage-3", ActivityStream.envelope(codec, "outage-3", unit, 11));
        }
        // longer than every quick retry a record gets before it would be dead-lettered
        Thread.sleep(5_000);
        databaseLink.restore();

        Eventually.within(Duration.ofSeconds(30), "events applied after the outage", () -> participants(unit) == 23);
        Thread.sleep(1_000);
        assertThat(participants(unit)).isEqualTo(23);
        assertThat(KafkaProbe.read(broker, Topics.deadLetter(Topics.ACTIVITY), r -> true, 1))
                .isEmpty();
    }

    private long participants(String unit) {
        Document d = mongo.findById(unit, Document.class, "totals");
        return d == null ? 0 : ((Number) d.get("participants")).longValue();
    }
}
