package cn.fulian.starter.consumer;

import cn.fulian.events.EventCodec;
import cn.fulian.events.EventEnvelope;
import cn.fulian.events.UnreadableEventException;
import cn.fulian.starter.trace.EventTrace;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.InsertManyOptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.listener.BatchListenerFailedException;

/**
 * Gives the same read model whether an event arrives once, twice under a new offset (a producer re-send) or again
 * under the same offset (redelivery after a crash). Re-sends are dropped by an {@code eventId} marker written after
 * the event was applied; redeliveries are made harmless by {@link ReadModelWriter}'s offset guard. Listeners stay thin:
 * they hand each record to {@link #consume} with the use-case method to run.
 */
public class ExactConsumer {

    public static final String PROCESSED = "processed_events";

    /**
     * Where a poll's events go when they are applied together: staged one by one in order, then written at once.
     * Whatever was staged but not flushed is dropped by {@link #discard}, and nothing of it may have been written
     * except under the offset guards.
     */
    public interface Staging {

        /** The events about to be staged (none applied before), to read what they need ahead. */
        default void prepare(List<ConsumedEvent> events) {}

        void stage(ConsumedEvent event);

        void flush();

        void discard();
    }

    /**
     * What applying a poll did: how many events were applied, and the first record that could not be (every record
     * before it was applied), or none.
     */
    public record Outcome(int applied, int failedIndex, RuntimeException failure) {

        public boolean failed() {
            return failure != null;
        }

        /** Names the failed record to the container's error handler, which commits the ones before it. */
        public Outcome throwIfFailed() {
            if (failure != null) {
                throw new BatchListenerFailedException(failure.getMessage(), failure, failedIndex);
            }
            return this;
        }
    }

    private static final Logger log = LoggerFactory.getLogger(ExactConsumer.class);

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
        String markerId = markerId(envelope);
        // a find by _id alone: "exists" is sent as a count aggregation, which the Mongo-wire server answers by
        // scanning every marker ever written, so each event would cost more than the one before
        Query marker = Query.query(Criteria.where("_id").is(markerId));
        marker.fields().include("_id");
        if (mongo.findOne(marker, Document.class, PROCESSED) != null) {
            return false;
        }
        EventTrace trace = EventTrace.of(record);
        try (EventTrace.Scope logs = trace.inLogs()) {
            handler.accept(new ConsumedEvent(envelope, record.topic(), record.partition(), record.offset()));
            logApplied(envelope, trace);
        }
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

    /**
     * Applies a poll's records in order, each event exactly once, staging them together and flushing once; the
     * {@code eventId} markers of the poll are looked up with one query and written with one insert after the flush. If
     * the joint flush fails, the records are applied again one at a time (the offset guards make that exact), so a
     * failure names one record. An unreadable record ends the poll: the records before it are applied, it is named.
     */
    public Outcome consumeAll(List<ConsumerRecord<String, String>> records, Staging staging) {
        List<ConsumedEvent> events = new ArrayList<>(records.size());
        List<EventTrace> traces = new ArrayList<>(records.size());
        RuntimeException unreadable = null;
        for (ConsumerRecord<String, String> record : records) {
            try {
                EventEnvelope envelope = codec.fromJson(record.value());
                events.add(new ConsumedEvent(envelope, record.topic(), record.partition(), record.offset()));
                traces.add(EventTrace.of(record));
            } catch (UnreadableEventException e) {
                unreadable = e;
                break;
            }
        }
        List<Integer> fresh;
        try {
            fresh = unseen(events);
        } catch (RuntimeException lookup) {
            return new Outcome(0, 0, lookup);
        }
        List<ConsumedEvent> toApply = fresh.stream().map(events::get).toList();
        try {
            staging.prepare(toApply);
            for (int i : fresh) {
                try (EventTrace.Scope logs = traces.get(i).inLogs()) {
                    staging.stage(events.get(i));
                }
            }
            staging.flush();
            mark(toApply);
            for (int i : fresh) {
                try (EventTrace.Scope logs = traces.get(i).inLogs()) {
                    logApplied(events.get(i).envelope(), traces.get(i));
                }
            }
        } catch (RuntimeException together) {
            staging.discard();
            log.warn(
                    "{} events could not be applied together ({}); applying them one at a time",
                    toApply.size(),
                    together.toString());
            for (int i : fresh) {
                ConsumedEvent event = events.get(i);
                try (EventTrace.Scope logs = traces.get(i).inLogs()) {
                    staging.stage(event);
                    staging.flush();
                    mark(List.of(event));
                    logApplied(event.envelope(), traces.get(i));
                } catch (RuntimeException e) {
                    staging.discard();
                    return new Outcome(fresh.indexOf(i), i, e);
                }
            }
        }
        if (unreadable != null) {
            return new Outcome(fresh.size(), events.size(), unreadable);
        }
        return new Outcome(fresh.size(), -1, null);
    }

    /** One line per applied event; callers hold the event's ids in the logging context ({@link EventTrace#inLogs}). */
    private void logApplied(EventEnvelope envelope, EventTrace trace) {
        EventTrace.FLOW.info(
                "applied {} {} from {} as {} (correlation {}, trace {})",
                envelope.type(),
                envelope.eventId(),
                envelope.source(),
                name,
                trace.correlationId(),
                trace.traceId());
    }

    /** The positions of the events not applied before, each event once (a re-send within the poll is dropped). */
    private List<Integer> unseen(List<ConsumedEvent> events) {
        List<String> ids = events.stream().map(e -> markerId(e.envelope())).toList();
        Set<String> seen = new HashSet<>();
        ByIds.find(mongo, PROCESSED, ids, List.of("_id")).forEach(d -> seen.add(d.getString("_id")));
        List<Integer> fresh = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            if (seen.add(ids.get(i))) {
                fresh.add(i);
            }
        }
        return fresh;
    }

    private void mark(List<ConsumedEvent> applied) {
        if (applied.isEmpty()) {
            return;
        }
        List<Document> markers = applied.stream()
                .map(e -> new Document("_id", markerId(e.envelope()))
                        .append("type", e.envelope().type())
                        .append("topic", e.topic())
                        .append("offset", e.offset())
                        .append("at", Instant.now()))
                .toList();
        try {
            mongo.getCollection(PROCESSED).insertMany(markers, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (error.getCode() != 11000) {
                    throw e;
                }
            }
            // some were marked by a second instance that applied the same events; its guards kept the model exact
        }
    }

    private String markerId(EventEnvelope envelope) {
        return name + ":" + envelope.eventId();
    }

    public ReadModelWriter writer() {
        return writer;
    }

    public EventCodec codec() {
        return codec;
    }
}
