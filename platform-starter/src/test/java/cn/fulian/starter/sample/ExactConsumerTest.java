package cn.fulian.starter.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.fulian.events.EventCodec;
import cn.fulian.starter.consumer.ExactConsumer;
import cn.fulian.starter.scope.OrgPath;
import cn.fulian.starter.test.ServiceTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

/**
 * The read model must come out the same whether each event arrives once, twice under the same offsets, twice under new
 * offsets, or the consumer dies half-way through an event and starts again: checked against totals the test computes
 * itself, with the real broker and Mongo-wire server.
 */
@ServiceTest
class ExactConsumerTest {

    static final List<String> UNITS = List.of(
            "350100",
            "350100/350102",
            "350100/350102/350102001",
            "350100/350102/350102002",
            "350100/350104",
            "350100/350104/350104001");

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    EventCodec codec;

    private String topic;
    private List<String> envelopes;
    private Map<String, Long> expected;

    private ActivityStream stream;

    @BeforeEach
    void publishAYearOfActivities() {
        stream = ActivityStream.publish(broker, codec, "exact", UNITS, 60, 42);
        topic = stream.topic();
        envelopes = stream.envelopes();
        expected = stream.expected();
    }

    @Test
    void eachEventDeliveredOnceGivesTheIndependentlyComputedTotals() {
        Run run = new Run("once");
        run.consumeAll("once-g1", envelopes.size());

        assertThat(run.totals()).isEqualTo(expected);
    }

    @Test
    void redeliveryOfTheSameOffsetsChangesNothingEvenWithoutEventMarkers() {
        Run run = new Run("same");
        run.consumeAll("same-g1", envelopes.size());
        run.consumeAll("same-g2", envelopes.size());
        assertThat(run.totals()).isEqualTo(expected);

        // as if every marker were lost: only the per-document offset guard stands between us and double counting
        mongo.remove(new org.springframework.data.mongodb.core.query.Query(), ExactConsumer.PROCESSED);
        run.consumeAll("same-g3", envelopes.size());

        assertThat(run.totals()).isEqualTo(expected);
    }

    @Test
    void producerReSendsUnderNewOffsetsAreDroppedByEventId() {
        stream.send(broker, codec);
        Run run = new Run("resend");
        run.consumeAll("resend-g1", envelopes.size() * 2);

        assertThat(run.totals()).isEqualTo(expected);
    }

    @Test
    void aConsumerKilledHalfWayThroughAnEventAndRestartedStillCountsEverythingOnce() {
        Run run = new Run("crash");
        int handled = 0;
        boolean crashed = false;
        try (KafkaConsumer<String, String> first = KafkaProbe.consumer(broker, "crash-g1", 25)) {
            first.subscribe(List.of(topic));
            while (!crashed) {
                for (ConsumerRecord<String, String> r : first.poll(Duration.ofMillis(500))) {
                    if (handled >= 17
                            && OrgPath.of(codec.fromJson(r.value()).orgPath()).depth() > 1) {
                        // dies after the first of the event's roll-up updates: nothing after is applied or committed
                        run.projection.crashAfter(1);
                        assertThatThrownBy(() -> run.consumer.consume(r, run.projection::apply))
                                .isInstanceOf(TotalsProjection.Crash.class);
                        crashed = true;
                        break;
                    }
                    run.consumer.consume(r, run.projection::apply);
                    commit(first, r);
                    handled++;
                }
            }
        }
        assertThat(run.totals()).isNotEqualTo(expected);

        run.consumeAll("crash-g1", envelopes.size() - handled);

        assertThat(run.totals()).isEqualTo(expected);
    }

    private static void commit(KafkaConsumer<String, String> consumer, ConsumerRecord<String, String> r) {
        consumer.commitSync(
                Map.of(new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1)));
    }

    /** One consumer identity writing its own read-model collection. */
    private class Run {
        final ExactConsumer consumer;
        final TotalsProjection projection;
        final String collection;

        Run(String name) {
            this.collection = "totals_" + name + "_" + topic.replace('-', '_');
            this.consumer = new ExactConsumer(mongo, codec, name + "-" + topic);
            this.projection = new TotalsProjection(consumer.writer(), codec, collection);
        }

        /** Consumes in the given group, committing after each record, until {@code count} records were handled. */
        void consumeAll(String group, int count) {
            try (KafkaConsumer<String, String> c = KafkaProbe.consumer(broker, group, 25)) {
                c.subscribe(List.of(topic));
                int handled = 0;
                long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (handled < count && System.nanoTime() < end) {
                    for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(200))) {
                        consumer.consume(r, projection::apply);
                        commit(c, r);
                        handled++;
                    }
                }
                assertThat(handled).as("records handled in " + group).isEqualTo(count);
            }
        }

        Map<String, Long> totals() {
            Map<String, Long> totals = new TreeMap<>();
            for (Document d : mongo.findAll(Document.class, collection)) {
                totals.put(d.getString("_id"), ((Number) d.get("participants")).longValue());
            }
            return totals;
        }
    }
}
