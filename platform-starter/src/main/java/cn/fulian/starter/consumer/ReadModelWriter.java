package cn.fulian.starter.consumer;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.bson.Document;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Applies one event's change to one read-model document at most once. Each document remembers the last offset applied
 * per topic-partition, and the change is only written where that offset is lower, so an event redelivered after a
 * crash (same offset) changes nothing it already changed, without transactions.
 *
 * <p>The offsets are read first, then the change is written on the condition that they are still what was read (a
 * compare-and-set on the document, fixed by {@code _id}). Kafka gives a partition to one consumer at a time, but a
 * consumer evicted in the middle of a poll may still write while the partition's new owner applies the same events: its
 * write then finds the offset moved, changes nothing, and {@link ConcurrentApplyException} sends the poll back to be
 * read again (the consumer's fallback applies each event once more under the guard, which skips what is applied).
 * Changes from other partitions touch other offset fields and only add to counters ({@code $inc}). A change may
 * name a further condition ({@link Change#required}) that is checked in the same write.
 */
public class ReadModelWriter {

    /**
     * One event's change to one document; {@code required} (may be null) is a condition the document must still meet
     * when the change is written, or the write fails as a concurrent change would ({@link ConcurrentApplyException}).
     */
    public record Change(Object id, ConsumedEvent at, Update update, Criteria required) {

        public Change(Object id, ConsumedEvent at, Update update) {
            this(id, at, update, null);
        }
    }

    /** The document's offsets moved between reading and writing: another consumer applied events of its partition. */
    public static class ConcurrentApplyException extends RuntimeException {

        public ConcurrentApplyException(String collection, Collection<?> ids) {
            super("read-model documents changed by another consumer of the same partition while applying: " + collection
                    + " " + ids);
        }
    }

    private static final int DUPLICATE_KEY = 11000;

    private final MongoTemplate mongo;

    public ReadModelWriter(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Upserts {@code update} into the document {@code id} unless this event was already applied to it.
     *
     * @return true if the document changed
     * @throws ConcurrentApplyException if another consumer moved the document's offset meanwhile
     */
    public boolean apply(String collection, Object id, Update update, ConsumedEvent at) {
        String field = at.offsetField();
        Document current = read(collection, List.of(id), Set.of(field)).get(id);
        long seen = current == null ? -1 : offsetOf(current, field);
        if (seen >= at.offset()) {
            return false;
        }
        try {
            mongo.upsert(unchanged(id, Map.of(field, seen)), update.set(field, at.offset()), collection);
        } catch (DuplicateKeyException moved) {
            throw new ConcurrentApplyException(collection, List.of(id));
        }
        return true;
    }

    private static long offsetOf(Document doc, String field) {
        Object value = doc;
        for (String part : field.split("\\.")) {
            if (!(value instanceof Document d)) {
                return -1;
            }
            value = d.get(part);
        }
        return value instanceof Number n ? n.longValue() : -1;
    }

    /**
     * The document {@code id} with each offset field as it was read ({@code -1}: absent). A document that no longer
     * matches is not updated; the upsert then tries to insert a second document with the same {@code _id}, which the
     * unique index refuses: that refusal is how a moved offset shows.
     */
    private static Query unchanged(Object id, Map<String, Long> seen) {
        Criteria c = Criteria.where("_id").is(id);
        for (Map.Entry<String, Long> e : seen.entrySet()) {
            c = e.getValue() < 0
                    ? c.and(e.getKey()).exists(false)
                    : c.and(e.getKey()).is(e.getValue());
        }
        return Query.query(c);
    }

    /**
     * Applies many events' changes to one collection with one read of the documents' offsets and one bulk write: the
     * changes to a document whose events were not applied to it yet are merged ({@link UpdateMerge}) into a single
     * upsert that also moves its offsets, on the condition that they are still what was read. The same guard as
     * {@link #apply}, so a poll redelivered after a crash between two collections' writes changes nothing twice, and a
     * poll an evicted consumer writes late changes nothing the partition's new owner applied.
     *
     * @param changes in the order their events were read
     * @return the ids of the documents written
     * @throws ConcurrentApplyException naming the documents another consumer changed meanwhile (the others are written)
     */
    public Set<Object> applyAll(String collection, List<Change> changes) {
        if (changes.isEmpty()) {
            return Set.of();
        }
        Map<Object, List<Change>> byId = new LinkedHashMap<>();
        Set<String> offsetFields = new TreeSet<>();
        for (Change c : changes) {
            byId.computeIfAbsent(c.id(), k -> new ArrayList<>()).add(c);
            // the whole offsets sub-document: the Mongo-wire server keeps only one of two projected fields that share
            // a parent
            String field = c.at().offsetField();
            offsetFields.add(field.substring(0, field.indexOf('.')));
        }
        Map<Object, Document> current = read(collection, new ArrayList<>(byId.keySet()), offsetFields);
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, collection);
        List<Object> written = new ArrayList<>();
        byId.forEach((id, list) -> {
            Document doc = current.get(id);
            UpdateMerge merge = new UpdateMerge();
            Map<String, Long> seen = new LinkedHashMap<>();
            Map<String, Long> offsets = new LinkedHashMap<>();
            List<Criteria> required = new ArrayList<>();
            for (Change c : list) {
                String field = c.at().offsetField();
                long applied = seen.computeIfAbsent(field, f -> doc == null ? -1 : offsetOf(doc, f));
                if (applied >= c.at().offset()) {
                    continue;
                }
                merge.add(c.update());
                offsets.merge(field, c.at().offset(), Math::max);
                if (c.required() != null) {
                    required.add(c.required());
                }
            }
            if (!offsets.isEmpty()) {
                seen.keySet().retainAll(offsets.keySet());
                Update update = merge.toUpdate();
                offsets.forEach(update::set);
                Query filter = unchanged(id, seen);
                required.forEach(filter::addCriteria);
                bulk.upsert(filter, update);
                written.add(id);
            }
        });
        if (written.isEmpty()) {
            return Set.of();
        }
        try {
            bulk.execute();
        } catch (DataAccessException e) {
            // a refused duplicate comes as DuplicateKeyException, other failures as BulkOperationException
            List<BulkWriteError> errors = writeErrors(e);
            if (errors.isEmpty() || errors.stream().anyMatch(x -> x.getCode() != DUPLICATE_KEY)) {
                throw e;
            }
            throw new ConcurrentApplyException(
                    collection,
                    errors.stream().map(x -> written.get(x.getIndex())).toList());
        }
        return new LinkedHashSet<>(written);
    }

    private static List<BulkWriteError> writeErrors(DataAccessException e) {
        if (e instanceof BulkOperationException bulk) {
            return bulk.getErrors();
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MongoBulkWriteException bulk) {
                return bulk.getWriteErrors();
            }
        }
        return List.of();
    }

    /** The offsets of the documents of {@code ids} that exist (protected: a test reads late, as an evicted consumer). */
    protected Map<Object, Document> read(String collection, List<Object> ids, Set<String> fields) {
        Map<Object, Document> found = new HashMap<>();
        ByIds.find(mongo, collection, ids, fields).forEach(d -> found.put(d.get("_id"), d));
        return found;
    }
}
