package cn.fulian.starter.consumer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.bson.Document;
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
 * <p>The offset is read by {@code _id} and the change written by {@code _id} alone: a filter with any further
 * condition makes the Mongo-wire server scan the whole collection for every write. Reading first is exact because
 * Kafka gives each partition to one consumer at a time and that consumer applies its events one after another;
 * changes from other partitions touch other offset fields and only add to counters ({@code $inc}), so writes of two
 * instances to one document do not overwrite each other.
 */
public class ReadModelWriter {

    /** One event's change to one document. */
    public record Change(Object id, ConsumedEvent at, Update update) {}

    private final MongoTemplate mongo;

    public ReadModelWriter(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Upserts {@code update} into the document {@code id} unless this event was already applied to it.
     *
     * @return true if the document changed
     */
    public boolean apply(String collection, Object id, Update update, ConsumedEvent at) {
        String field = at.offsetField();
        Query byId = Query.query(Criteria.where("_id").is(id));
        Query applied = Query.query(Criteria.where("_id").is(id));
        applied.fields().include(field);
        Document current = mongo.findOne(applied, Document.class, collection);
        if (current != null && offsetOf(current, field) >= at.offset()) {
            return false;
        }
        mongo.upsert(byId, update.set(field, at.offset()), collection);
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
     * Applies many events' changes to one collection with one read of the documents' offsets and one bulk write: the
     * changes to a document whose events were not applied to it yet are merged ({@link UpdateMerge}) into a single
     * upsert that also moves its offsets. The same guard as {@link #apply}, so a poll redelivered after a crash between
     * two collections' writes changes nothing twice.
     *
     * @param changes in the order their events were read
     * @return the ids of the documents written
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
        Set<Object> written = new LinkedHashSet<>();
        byId.forEach((id, list) -> {
            Document doc = current.get(id);
            UpdateMerge merge = new UpdateMerge();
            Map<String, Long> offsets = new LinkedHashMap<>();
            for (Change c : list) {
                String field = c.at().offsetField();
                if (doc != null && offsetOf(doc, field) >= c.at().offset()) {
                    continue;
                }
                merge.add(c.update());
                offsets.merge(field, c.at().offset(), Math::max);
            }
            if (!offsets.isEmpty()) {
                Update update = merge.toUpdate();
                offsets.forEach(update::set);
                bulk.upsert(Query.query(Criteria.where("_id").is(id)), update);
                written.add(id);
            }
        });
        if (!written.isEmpty()) {
            bulk.execute();
        }
        return written;
    }

    private Map<Object, Document> read(String collection, List<Object> ids, Set<String> fields) {
        Map<Object, Document> found = new HashMap<>();
        ByIds.find(mongo, collection, ids, fields).forEach(d -> found.put(d.get("_id"), d));
        return found;
    }
}
