package cn.fulian.starter.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.fulian.events.EventEnvelope;
import cn.fulian.store.MongoWireServer;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * A consumer evicted in the middle of a poll (a long pause, a lost heartbeat) still writes what it read before; the
 * partition's new owner meanwhile applies the same events. The evicted consumer's late write must change nothing, on the
 * store the platform runs.
 */
class EvictedConsumerTest {

    static final String TOTALS = "totals";

    private MongoWireServer server;
    private MongoClient client;
    private MongoTemplate mongo;

    @BeforeEach
    void start() {
        server = MongoWireServer.inMemory();
        client = MongoClients.create("mongodb://127.0.0.1:" + server.port());
        mongo = new MongoTemplate(client, "evicted");
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void aPollWrittenLateByAnEvictedConsumerDoesNotCountWhatTheNewOwnerApplied() {
        List<ReadModelWriter.Change> poll = List.of(
                change("350100/350102", 7, 3),
                change("350100", 7, 3),
                change("350100/350102", 8, 5),
                change("350100", 8, 5));
        ReadModelWriter newOwner = new ReadModelWriter(mongo);
        // the evicted consumer has read the offsets (nothing applied yet) when the new owner applies the same poll
        ReadModelWriter evicted = new LateWriter(mongo, () -> newOwner.applyAll(TOTALS, poll));

        assertThatThrownBy(() -> evicted.applyAll(TOTALS, poll))
                .isInstanceOf(ReadModelWriter.ConcurrentApplyException.class)
                .hasMessageContaining("350100/350102");

        assertThat(participants("350100/350102")).isEqualTo(8);
        assertThat(participants("350100")).isEqualTo(8);
        // the evicted consumer's fallback reads again and finds everything applied
        assertThat(new ReadModelWriter(mongo).applyAll(TOTALS, poll)).isEmpty();
        assertThat(participants("350100")).isEqualTo(8);
    }

    @Test
    void aSingleEventWrittenLateIsNotCountedTwiceEvenOnADocumentTheNewOwnerCreated() {
        ReadModelWriter.Change first = change("350100/350104", 12, 4);
        ReadModelWriter newOwner = new ReadModelWriter(mongo);
        ReadModelWriter evicted =
                new LateWriter(mongo, () -> newOwner.apply(TOTALS, first.id(), copy(first.update()), first.at()));

        assertThatThrownBy(() -> evicted.apply(TOTALS, first.id(), copy(first.update()), first.at()))
                .isInstanceOf(ReadModelWriter.ConcurrentApplyException.class);

        assertThat(participants("350100/350104")).isEqualTo(4);
        assertThat(new ReadModelWriter(mongo).apply(TOTALS, first.id(), copy(first.update()), first.at()))
                .isFalse();
        assertThat(participants("350100/350104")).isEqualTo(4);
    }

    @Test
    void writersOfOtherPartitionsAddToTheSameDocumentWithoutStoppingEachOther() {
        ReadModelWriter one = new ReadModelWriter(mongo);
        ReadModelWriter other = new LateWriter(mongo, () -> one.applyAll(TOTALS, List.of(change("350100", 30, 2, 1))));

        assertThat(other.applyAll(TOTALS, List.of(change("350100", 30, 5, 0)))).containsExactly("350100");

        assertThat(participants("350100")).isEqualTo(7);
    }

    @Test
    void aChangeRequiringAConditionTheDocumentNoLongerMeetsIsNotWrittenAndTheOthersAre() {
        // an allocation reads no activity link waiting on its assignment; one begins to wait before the write
        ReadModelWriter.Change allocation = new ReadModelWriter.Change(
                "a-1",
                change("a-1", 40, 0).at(),
                new Update().set("taskId", "t-1"),
                Criteria.where("pending").exists(false));
        ReadModelWriter.Change other = change("a-2", 41, 1);
        ReadModelWriter writer = new LateWriter(
                mongo,
                () -> mongo.getCollection(TOTALS)
                        .insertOne(new Document("_id", "a-1").append("pending", new Document("e-1", 5))));

        assertThatThrownBy(() -> writer.applyAll(TOTALS, List.of(allocation, other)))
                .isInstanceOf(ReadModelWriter.ConcurrentApplyException.class)
                .hasMessageContaining("a-1");

        Document waiting =
                mongo.getCollection(TOTALS).find(new Document("_id", "a-1")).first();
        assertThat(waiting).doesNotContainKey("taskId").containsKey("pending");
        assertThat(participants("a-2")).isEqualTo(1);
        // without the condition the same write goes through
        assertThat(new ReadModelWriter(mongo)
                        .applyAll(
                                TOTALS,
                                List.of(new ReadModelWriter.Change(
                                        "a-1", allocation.at(), new Update().set("taskId", "t-1")))))
                .containsExactly("a-1");
    }

    private long participants(String unit) {
        Document d = mongo.getCollection(TOTALS).find(new Document("_id", unit)).first();
        return d == null ? 0 : ((Number) d.get("participants")).longValue();
    }

    private static ReadModelWriter.Change change(String unit, long offset, int participants) {
        return change(unit, offset, participants, 0);
    }

    private static ReadModelWriter.Change change(String unit, long offset, int participants, int partition) {
        EventEnvelope envelope = new EventEnvelope(
                UUID.nameUUIDFromBytes((partition + "-" + offset).getBytes(StandardCharsets.UTF_8)),
                "ActivityRecorded",
                EventEnvelope.CURRENT_VERSION,
                Instant.parse("2026-05-06T02:30:00Z"),
                "activity-service",
                unit,
                "a-" + offset,
                JsonNodeFactory.instance.objectNode());
        ConsumedEvent at = new ConsumedEvent(envelope, "activity.events.v1", partition, offset);
        return new ReadModelWriter.Change(unit, at, new Update().inc("participants", participants));
    }

    private static Update copy(Update update) {
        return Update.fromDocument(Document.parse(update.getUpdateObject().toJson()));
    }

    /** Reads the offsets, then lets {@code meanwhile} run before it writes: a consumer paused between the two. */
    static final class LateWriter extends ReadModelWriter {

        private final Runnable meanwhile;
        private final List<String> reads = new ArrayList<>();

        LateWriter(MongoTemplate mongo, Runnable meanwhile) {
            super(mongo);
            this.meanwhile = meanwhile;
        }

        @Override
        protected Map<Object, Document> read(String collection, List<Object> ids, Set<String> fields) {
            Map<Object, Document> seen = super.read(collection, ids, fields);
            if (reads.isEmpty()) {
                meanwhile.run();
            }
            reads.add(collection);
            return seen;
        }
    }
}
