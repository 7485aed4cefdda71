package cn.fulian.starter.consumer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Many documents read by {@code _id} with one {@code $in} per chunk: the only multi-document read the Mongo-wire server
 * answers from its index instead of scanning.
 */
public final class ByIds {

    private static final int CHUNK = 500;

    private ByIds() {}

    /**
     * The documents of {@code ids} that exist, with only {@code fields} (all fields if empty).
     */
    public static List<Document> find(MongoTemplate mongo, String collection, List<?> ids, Collection<String> fields) {
        List<Document> found = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            Query query = Query.query(Criteria.where("_id").in(ids.subList(from, Math.min(ids.size(), from + CHUNK))));
            fields.forEach(f -> query.fields().include(f));
            found.addAll(mongo.find(query, Document.class, collection));
        }
        return found;
    }
}
