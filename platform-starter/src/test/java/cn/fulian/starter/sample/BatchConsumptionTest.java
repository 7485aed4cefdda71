package cn.fulian.starter.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.fulian.events.EventCodec;
import cn.fulian.events.activity.ActivityRecorded;
import cn.fulian.starter.consumer.ConsumedEvent;
import cn.fulian.starter.consumer.ExactConsumer;
import cn.fulian.starter.consumer.ReadModelWriter;
import cn.fulian.starter.scope.OrgPath;
import cn.fulian.starter.test.ServiceTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

/**
 * Whole polls applied together ({@link ExactConsumer#consumeAll}, {@link ReadModelWriter#applyAll}) must give the same
 * read model as events applied one at a time: once, again under the same offsets, re-sent under new offsets, after a
 * crash half-way through a flush, and around an event that cannot be applied — against totals the test computes.
 */
@ServiceTest
class BatchConsumptionTest {

    static final List<String> UNITS =
            List.of("350100/350102/350102001", "350100/350102/350102002", "350100/350104/350104001", "350100/350104");

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
    void publishActivities() {
        stream = ActivityStream.publish(broker, codec, "batch", UNITS, 80, 7);
        topic = stream.topic();
        envelopes = stream.envelopes();
        expected = stream.expected();
    }

    @Test
    void wholePollsGiveTheComputedTotalsAndTheSamePollsAgainChangeNothing() {
        Totals totals = new Totals("polls");
        assertThat(totals.consume("polls-g1", envelopes.size())).isEqualTo(envelopes.size());
        assertThat(totals.read()).isEqualTo(expected);

        // every marker lost: only the documents' offsets stand between the second reading and double counting
        mongo.remove(new Query(), ExactConsumer.PROCESSED);
        assertThat(totals.consume("polls-g2", envelopes.size())).isEqualTo(envelopes.size());

        assertThat(totals.read()).isEqualTo(expected);
        assertThat(totals.flushes)
                .as("events were written together, not one flush each")
                .isLessThan(20);
    }

    @Test
    void eventsReSentUnderNewOffsetsAreAppliedOnceEvenWithinOnePoll() {
        stream.send(broker, codec);
        Totals totals = new Totals("resend");

        assertThat(totals.consume("resend-g1", envelopes.size() * 2)).isEqualTo(envelopes.size());

        assertThat(totals.read()).isEqualTo(expected);
    }

    @Test
    void aCrashHalfWayThroughAFlushLeavesNothingCountedTwiceAfterTheRestart() {
        Totals totals = new Totals("crash");
        totals.crashInFlush = true;
        try (KafkaConsumer<String, String> c = KafkaProbe.consumer(broker, "crash-g1", 500)) {
            c.subscribe(List.of(topic));
            ConsumerRecords<String, String> poll = ConsumerRecords.empty();
            while (poll.isEmpty()) {
                poll = c.poll(Duration.ofMillis(500));
            }
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            poll.forEach(records::add);
            assertThatThrownBy(() -> totals.consumer.consumeAll(records, totals))
                    .isInstanceOf(Crash.class);
            // nothing committed: the process died
        }
        assertThat(totals.read()).isNotEmpty().isNotEqualTo(expected);

        Totals restarted = new Totals("crash"); // a new process: same consumer name and collection, nothing in memory
        restarted.consume("crash-g1", envelopes.size());

        assertThat(restarted.read()).isEqualTo(expected);
    }

    @Test
    void anEventThatCannotBeAppliedIsNamedAndEverythingBeforeItIsApplied() {
        Totals totals = new Totals("poison");
        String poisoned = codec.fromJson(envelopes.get(0)).eventId().toString();
        totals.refuse = poisoned;
        try (KafkaConsumer<String, String> c = KafkaProbe.consumer(broker, "poison-g1", 500)) {
            c.assign(List.of(
                    new org.apache.kafka.common.TopicPartition(topic, 0),
                    new org.apache.kafka.common.TopicPartition(topic, 1)));
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (records.size() < envelopes.size() && System.nanoTime() < end) {
                c.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            int at = indexOf(records, poisoned);

            ExactConsumer.Outcome outcome = totals.consumer.consumeAll(records, totals);

            assertThat(outcome.failed()).isTrue();
            assertThat(outcome.failedIndex()).isEqualTo(at);
            assertThat(outcome.applied()).isEqualTo(at);
            assertThat(totals.read()).isEqualTo(totalsOf(records.subList(0, at)));
        }
    }

    private int indexOf(List<ConsumerRecord<String, String>> records, String eventId) {
        for (int i = 0; i < records.size(); i++) {
            if (codec.fromJson(records.get(i).value()).eventId().toString().equals(eventId)) {
                return i;
            }
        }
        throw new AssertionError("not read: " + eventId);
    }

    private Map<String, Long> totalsOf(List<ConsumerRecord<String, String>> records) {
        Map<String, Long> totals = new TreeMap<>();
        for (ConsumerRecord<String, String> r : records) {
            var envelope = codec.fromJson(r.value());
            long n = codec.payload(envelope, ActivityRecorded.class)
                    .metrics()
                    .get("participants")
                    .longValue();
            for (OrgPath p : OrgPath.of(envelope.orgPath()).selfAndAncestors()) {
                totals.merge(p.value(), n, Long::sum);
            }
        }
        return totals;
    }

    static class Crash extends Error {
        Crash() {
            super("simulated crash");
        }
    }

    /** Participants per unit and ancestor, staged per poll and written with {@link ReadModelWriter#applyAll}. */
    private class Totals implements ExactConsumer.Staging {
        final ExactConsumer consumer;
        final String collection;
        final List<ReadModelWriter.Change> staged = new ArrayList<>();
        boolean crashInFlush;
        String refuse;
        int flushes;

        Totals(String name) {
            this.collection = "batch_totals_" + name + "_" + topic.replace('-', '_');
            this.consumer = new ExactConsumer(mongo, codec, name + "-" + topic);
        }

        @Override
        public void stage(ConsumedEvent event) {
            if (event.envelope().eventId().toString().equals(refuse)) {
                throw new IllegalStateException("refused " + refuse);
            }
            long n = codec.payload(event.envelope(), ActivityRecorded.class)
                    .metrics()
                    .get("participants")
                    .longValue();
            for (OrgPath p : OrgPath.of(event.envelope().orgPath()).selfAndAncestors()) {
                staged.add(new ReadModelWriter.Change(p.value(), event, new Update().inc("participants", n)));
            }
        }

        @Override
        public void flush() {
            flushes++;
            if (crashInFlush) {
                // the first half of the documents written, then the process dies
                List<Object> ids = staged.stream()
                        .map(ReadModelWriter.Change::id)
                        .distinct()
                        .toList();
                List<Object> firstHalf = ids.subList(0, ids.size() / 2);
                consumer.writer()
                        .applyAll(
                                collection,
                                staged.stream()
                                        .filter(c -> firstHalf.contains(c.id()))
                                        .toList());
                throw new Crash();
            }
            consumer.writer().applyAll(collection, staged);
            staged.clear();
        }

        @Override
        public void discard() {
            staged.clear();
        }

        /** Consumes whole polls in the group, committing after each, until {@code count} records were read. */
        int consume(String group, int count) {
            int read = 0;
            int applied = 0;
            try (KafkaConsumer<String, String> c = KafkaProbe.consumer(broker, group, 500)) {
                c.subscribe(List.of(topic));
                long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (read < count && System.nanoTime() < end) {
                    List<ConsumerRecord<String, String>> records = new ArrayList<>();
                    c.poll(Duration.ofMillis(200)).forEach(records::add);
                    if (records.isEmpty()) {
                        continue;
                    }
                    ExactConsumer.Outcome outcome = consumer.consumeAll(records, this);
                    assertThat(outcome.failed()).isFalse();
                    applied += outcome.applied();
                    c.commitSync();
                    read += records.size();
                }
            }
            assertThat(read).as("records read in " + group).isEqualTo(count);
            return applied;
        }

        Map<String, Long> read() {
            Map<String, Long> totals = new TreeMap<>();
            for (Document d : mongo.findAll(Document.class, collection)) {
                totals.put(d.getString("_id"), ((Number) d.get("participants")).longValue());
            }
            return totals;
        }
    }
}
