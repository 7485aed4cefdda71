package cn.fulian.starter.outbox;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.springframework.context.annotation.Lazy;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.event.AfterConvertCallback;
import org.springframework.data.mongodb.core.mapping.event.BeforeConvertCallback;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Keeps a save from re-sending events: an aggregate loaded while some of its events were still pending remembers them,
 * and just before it is saved, those the relay has published in the meantime are dropped from the copy being written.
 */
public class OutboxCallbacks implements AfterConvertCallback<AggregateRoot>, BeforeConvertCallback<AggregateRoot> {

    private final MongoTemplate mongo;

    public OutboxCallbacks(@Lazy MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public AggregateRoot onAfterConvert(AggregateRoot entity, Document document, String collection) {
        entity.loaded();
        return entity;
    }

    @Override
    public AggregateRoot onBeforeConvert(AggregateRoot entity, String collection) {
        if (entity.loadedWithPendingEvents()) {
            Object id = mongo.getConverter()
                    .getMappingContext()
                    .getRequiredPersistentEntity(entity.getClass())
                    .getIdentifierAccessor(entity)
                    .getIdentifier();
            Query query = Query.query(Criteria.where("_id").is(id));
            query.fields().include("outbox.eventId");
            Document current = mongo.findOne(query, Document.class, collection);
            Set<String> stillPending = new HashSet<>();
            if (current != null) {
                List<Document> pending = current.getList("outbox", Document.class, List.of());
                pending.forEach(e -> stillPending.add(e.getString("eventId")));
            }
            entity.forgetPublished(stillPending);
        }
        return entity;
    }
}
