package cn.fulian.starter.consumer;

import org.bson.Document;
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
}
