package cn.fulian.starter.consumer;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Applies one event's change to one read-model document at most once. Each document remembers the last offset applied
 * per topic-partition, and the update only matches where that offset is lower, so an event redelivered after a crash
 * (same offset) changes nothing it already changed, without transactions.
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
        Query notYetApplied = Query.query(Criteria.where("_id")
                .is(id)
                .orOperator(
                        Criteria.where(field).lt(at.offset()),
                        Criteria.where(field).exists(false)));
        try {
            mongo.upsert(notYetApplied, update.set(field, at.offset()), collection);
            return true;
        } catch (DuplicateKeyException alreadyApplied) {
            // the document exists with this offset or a later one: the upsert tried to insert a second copy
            return false;
        }
    }
}
