package cn.fulian.starter.consumer;

import cn.fulian.events.EventCodec;
import cn.fulian.events.EventEnvelope;
import java.time.Instant;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Gives the same read model whether an event arrives once, twice under a new offset (a producer re-send) or again
 * under the same offset (redelivery after a crash). Re-sends are dropped by an {@code eventId} marker written after
 * the event was applied; redeliveries are made harmless by {@link ReadModelWriter}'s offset guard. Listeners stay thin:
 * they hand each record to {@link #consume} with the use-case method to run.
 */
public class ExactConsumer {

    public static final String PROCESSED = "processed_events";

    private final MongoTemplate mongo;
    private final EventCodec codec;
    private final String name;
    private final ReadModelWriter writer;

    public ExactConsumer(MongoTemplate mongo, EventCodec codec, String name) {
        this.mongo = mongo;
        this.codec = codec;
        this.name = name;
        this.writer = new ReadModelWriter(mongo);
    }

    /**
     * Applies the record with {@code handler} unless its event was applied before.
     *
     * @return true if the handler ran
     * @throws cn.fulian.events.UnreadableEventException for a record that is not an event (never retried)
     */
    public boolean consume(ConsumerRecord<String, String> record, Consumer<ConsumedEvent> handler) {
        EventEnvelope envelope = codec.fromJson(record.value());
        String markerId = name + ":" + envelope.eventId();
        // a find by _id alone: "exists" is sent as a count aggregation, which the Mongo-wire server answers by
        // scanning every marker ever written, so each event would cost more than the one before
        Query marker = Query.query(Criteria.where("_id").is(markerId));
        marker.fields().include("_id");
        if (mongo.findOne(marker, Document.class, PROCESSED) != null) {
            return false;
        }
        handler.accept(new ConsumedEvent(envelope, record.topic(), record.partition(), record.offset()));
        try {
            mongo.insert(
                    new Document("_id", markerId)
                            .append("type", envelope.type())
                            .append("topic", record.topic())
                            .append("offset", record.offset())
                            .append("at", Instant.now()),
                    PROCESSED);
        } catch (DuplicateKeyException alreadyMarked) {
            // a second instance applied the same event concurrently; its guard kept the read model exact
        }
        return true;
    }

    public ReadModelWriter writer() {
        return writer;
    }

    public EventCodec codec() {
        return codec;
    }
}
