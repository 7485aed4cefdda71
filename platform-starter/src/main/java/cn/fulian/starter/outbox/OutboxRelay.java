package cn.fulian.starter.outbox;

import cn.fulian.events.EventCodec;
import cn.fulian.events.EventEnvelope;
import cn.fulian.starter.trace.EventTrace;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.model.InsertManyOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes what aggregates recorded in their {@code outbox} arrays: sends each event (idempotent producer,
 * {@code acks=all}), waits for the broker's acknowledgement, notes its {@code eventId} in {@value #PUBLISHED}, then
 * pulls it from the document. A crash between the send and the pull re-sends the same {@code eventId}, which consumers
 * drop. A request that saved a copy of the aggregate loaded before the pull writes the entry back; the note keeps that
 * entry from being sent a second time. Runs on one background thread, woken after every save and at least every poll
 * interval; while Kafka is down writes are still accepted and wait here.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int BATCH = 200;
    /** Event ids the broker has acknowledged; kept for {@link #PUBLISHED_RETENTION}. */
    public static final String PUBLISHED = "outbox_published";

    private static final Duration PUBLISHED_RETENTION = Duration.ofDays(7);

    private final MongoTemplate mongo;
    private final KafkaTemplate<String, String> kafka;
    private final EventCodec codec;
    private final String source;
    private final Supplier<List<String>> collections;
    private final Duration pollInterval;
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private Thread worker;

    public OutboxRelay(
            MongoTemplate mongo,
            KafkaTemplate<String, String> kafka,
            EventCodec codec,
            String source,
            Supplier<List<String>> collections,
            Duration pollInterval) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.codec = codec;
        this.source = source;
        this.collections = collections;
        this.pollInterval = pollInterval;
    }

    /** Asks for a publish round now rather than at the next poll. */
    public void wakeUp() {
        if (wake.availablePermits() == 0) {
            wake.release();
        }
    }

    /**
     * One round over every aggregate collection.
     *
     * @return how many events were published
     */
    public int publishPending() {
        int published = 0;
        for (String collection : collections.get()) {
            published += publishPending(collection);
        }
        return published;
    }

    /** Events recorded and not yet acknowledged by Kafka, over every aggregate collection. */
    public long pendingCount() {
        return pendingPerCollection().values().stream()
                .mapToLong(Long::longValue)
                .sum();
    }

    /**
     * Events recorded and not yet acknowledged by Kafka, per aggregate collection: one query per collection for the
     * documents that hold any, reading only their {@code outbox} arrays.
     */
    public Map<String, Long> pendingPerCollection() {
        Map<String, Long> pending = new LinkedHashMap<>();
        for (String collection : collections.get()) {
            Query query = pendingQuery();
            query.fields().include("outbox");
            long n = 0;
            for (Document doc : mongo.find(query, Document.class, collection)) {
                n += doc.getList("outbox", Document.class).size();
            }
            pending.put(collection, n);
        }
        return pending;
    }

    /** The aggregate collections whose outboxes this relay publishes. */
    public List<String> collections() {
        return collections.get();
    }

    private int publishPending(String collection) {
        int published = 0;
        Query query = pendingQuery().limit(BATCH);
        query.fields().include("_id").include("outbox");
        for (Document doc : mongo.find(query, Document.class, collection)) {
            List<Document> entries = doc.getList("outbox", Document.class);
            Set<String> alreadySent = alreadyPublished(entries);
            List<String> sent = new ArrayList<>();
            List<String> sentNow = new ArrayList<>();
            try {
                for (Document entry : entries) {
                    String eventId = entry.getString("eventId");
                    if (!alreadySent.contains(eventId)) {
                        send(entry);
                        sentNow.add(eventId);
                    }
                    sent.add(eventId);
                }
            } finally {
                if (!sent.isEmpty()) {
                    notePublished(sentNow);
                    Update pull = new Update().pull("outbox", new Document("eventId", new Document("$in", sent)));
                    mongo.updateFirst(Query.query(Criteria.where("_id").is(doc.get("_id"))), pull, collection);
                    published += sentNow.size();
                }
            }
        }
        return published;
    }

    private Set<String> alreadyPublished(List<Document> entries) {
        List<String> ids = entries.stream().map(e -> e.getString("eventId")).toList();
        Query query = Query.query(Criteria.where("_id").in(ids));
        Set<String> found = new HashSet<>();
        for (Document d : mongo.find(query, Document.class, PUBLISHED)) {
            found.add(d.getString("_id"));
        }
        return found;
    }

    private void notePublished(List<String> eventIds) {
        if (eventIds.isEmpty()) {
            return;
        }
        Date at = new Date();
        List<Document> notes = eventIds.stream()
                .map(id -> new Document("_id", id).append("publishedAt", at))
                .toList();
        try {
            mongo.getCollection(PUBLISHED).insertMany(notes, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            boolean onlyDuplicates = e.getWriteErrors().stream().allMatch(w -> w.getCode() == 11000);
            if (!onlyDuplicates) {
                throw e;
            }
        }
    }

    /** Forgets publish notes older than the retention; no aggregate copy lives that long in a request. */
    public long forgetOldPublishNotes() {
        Date before = Date.from(Instant.now().minus(PUBLISHED_RETENTION));
        return mongo.remove(Query.query(Criteria.where("publishedAt").lt(before)), PUBLISHED)
                .getDeletedCount();
    }

    private void send(Document entry) {
        EventEnvelope envelope = new EventEnvelope(
                UUID.fromString(entry.getString("eventId")),
                entry.getString("type"),
                EventEnvelope.CURRENT_VERSION,
                entry.getDate("occurredAt").toInstant(),
                source,
                entry.getString("orgPath"),
                entry.getString("aggregateId"),
                codec.mapper().readTree(entry.getString("payload")));
        EventTrace trace = new EventTrace(entry.getString("correlationId"), entry.getString("traceparent"));
        ProducerRecord<String, String> record = trace.addTo(
                new ProducerRecord<>(entry.getString("topic"), envelope.aggregateId(), codec.toJson(envelope)));
        try {
            kafka.send(record).get(30, TimeUnit.SECONDS);
            try (EventTrace.Scope logs = trace.inLogs()) {
                EventTrace.FLOW.info(
                        "published {} {} to {} (correlation {}, trace {})",
                        envelope.type(),
                        envelope.eventId(),
                        record.topic(),
                        trace.correlationId(),
                        trace.traceId());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing " + envelope.eventId(), e);
        } catch (Exception e) {
            throw new IllegalStateException("publishing " + envelope.type() + " " + envelope.eventId() + " failed", e);
        }
    }

    private static Query pendingQuery() {
        return Query.query(Criteria.where("outbox.0").exists(true));
    }

    private void loop() {
        long backoffMs = 0;
        Instant nextCleanup = Instant.now();
        while (running) {
            try {
                if (backoffMs == 0) {
                    wake.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
                } else {
                    Thread.sleep(backoffMs);
                }
                wake.drainPermits();
                if (!running) {
                    return;
                }
                while (publishPending() > 0 && running) {
                    // keep draining while there is a backlog
                }
                if (Instant.now().isAfter(nextCleanup)) {
                    forgetOldPublishNotes();
                    nextCleanup = Instant.now().plus(Duration.ofHours(1));
                }
                backoffMs = 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                backoffMs = Math.min(backoffMs == 0 ? 500 : backoffMs * 2, 5_000);
                log.warn("outbox relay paused {} ms: {}", backoffMs, e.getMessage());
            }
        }
    }

    @Override
    public void start() {
        running = true;
        worker = new Thread(this::loop, "outbox-relay");
        worker.setDaemon(true);
        wakeUp(); // a first round at once: what a stopped process left waits no longer than that
        worker.start();
    }

    @Override
    public void stop() {
        running = false;
        wakeUp();
        if (worker != null) {
            try {
                worker.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
