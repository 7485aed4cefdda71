package cn.fulian.starter.lease;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Leases as documents of one collection, one per piece of work ({@code _id} = its name), claimed, renewed and released
 * with single-document conditional writes, which MongoDB applies atomically whatever the number of instances:
 *
 * <ul>
 *   <li><b>claim</b>: an upsert that matches the document only while nobody holds it ({@value #UNTIL} missing or past)
 *       and any further condition the caller adds holds (e.g. "not complete"). When the document exists but does not
 *       match, the upsert tries to insert a second document with the same id, which the unique {@code _id} refuses:
 *       someone else has it.
 *   <li><b>renew</b>, <b>update</b> and <b>release</b>: conditional on the claim's {@code attempt}, so a holder that
 *       stalled past its expiry and was overtaken learns it at its next write and stops.
 * </ul>
 *
 * Expiry is what frees the lease of a holder that died: nothing deletes the document, so it also records the last run
 * for operators.
 */
public final class MongoLeases {

    public static final String ATTEMPT = "attempt";
    public static final String HOLDER = "holder";
    public static final String UNTIL = "leaseUntil";

    private final MongoOperations mongo;
    private final String collection;
    private final Clock clock;

    public MongoLeases(MongoOperations mongo, String collection, Clock clock) {
        this.mongo = mongo;
        this.collection = collection;
        this.clock = clock;
    }

    public String collection() {
        return collection;
    }

    /** Claims the lease if nobody holds it. */
    public Optional<Lease> claim(String name, String holder, Duration ttl) {
        return claim(name, holder, ttl, null, new Update());
    }

    /**
     * Claims the lease if nobody holds it and {@code alsoRequired} (may be null) matches the document; sets
     * {@code alsoSet} in the same write.
     */
    public Optional<Lease> claim(String name, String holder, Duration ttl, Criteria alsoRequired, Update alsoSet) {
        Instant now = clock.instant();
        Criteria free = Criteria.where("_id")
                .is(name)
                .orOperator(
                        Criteria.where(UNTIL).exists(false),
                        Criteria.where(UNTIL).lte(Date.from(now)));
        Query query = Query.query(alsoRequired == null ? free : new Criteria().andOperator(free, alsoRequired));
        String attempt = UUID.randomUUID().toString();
        Instant until = now.plus(ttl);
        alsoSet.set(ATTEMPT, attempt).set(HOLDER, holder).set(UNTIL, Date.from(until));
        try {
            Document claimed = mongo.findAndModify(
                    query,
                    alsoSet,
                    FindAndModifyOptions.options().upsert(true).returnNew(true),
                    Document.class,
                    collection);
            return claimed != null && attempt.equals(claimed.getString(ATTEMPT))
                    ? Optional.of(new Lease(name, attempt, holder, until))
                    : Optional.empty();
        } catch (DuplicateKeyException someoneElseHasIt) {
            return Optional.empty();
        }
    }

    /**
     * Extends the lease by {@code ttl} from now.
     *
     * @return the renewed lease, or empty when it was lost (expired and claimed by another)
     */
    public Optional<Lease> renew(Lease lease, Duration ttl) {
        Instant until = clock.instant().plus(ttl);
        return update(lease, new Update().set(UNTIL, Date.from(until)))
                ? Optional.of(new Lease(lease.name(), lease.attempt(), lease.holder(), until))
                : Optional.empty();
    }

    /** Writes {@code update} into the lease document if the lease is still this claim's. */
    public boolean update(Lease lease, Update update) {
        return mongo.updateFirst(held(lease), update, collection).getMatchedCount() > 0;
    }

    /** Gives the lease back at once (the document stays, as the record of the last claim). */
    public boolean release(Lease lease) {
        return update(lease, new Update().unset(UNTIL));
    }

    /** The lease document as it is now, if there ever was one. */
    public Optional<LeaseState> state(String name) {
        Document document = mongo.findById(name, Document.class, collection);
        if (document == null) {
            return Optional.empty();
        }
        return Optional.of(new LeaseState(
                name,
                document.getString(ATTEMPT),
                document.getString(HOLDER),
                Optional.ofNullable(document.getDate(UNTIL)).map(Date::toInstant)));
    }

    /** Whether the named lease is held by anyone right now. */
    public boolean isHeld(String name) {
        return state(name).map(s -> s.heldAt(clock.instant())).orElse(false);
    }

    private static Query held(Lease lease) {
        return Query.query(Criteria.where("_id").is(lease.name()).and(ATTEMPT).is(lease.attempt()));
    }
}
