package cn.fulian.starter.test.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The document count and a content hash of every collection of a service's database, minus the ones a background
 * listener may change at any moment. Two equal snapshots mean nothing was written in between.
 */
record CollectionSnapshot(Map<String, State> collections, long pendingOutbox) {

    record State(long count, long hash) {}

    static CollectionSnapshot of(MongoTemplate mongo, Predicate<String> ignored) {
        Map<String, State> states = new TreeMap<>();
        long pending = 0;
        Set<String> names = mongo.getCollectionNames();
        for (String name : names) {
            if (ignored.test(name)) {
                continue;
            }
            long count = 0;
            long hash = 0;
            for (Document doc : mongo.getCollection(name).find()) {
                count++;
                // a sum of per-document hashes: the same whatever order the server returns them in
                hash += fnv(doc.toJson());
                if (doc.get("outbox") instanceof List<?> outbox && !outbox.isEmpty()) {
                    pending++;
                }
            }
            states.put(name, new State(count, hash));
        }
        return new CollectionSnapshot(states, pending);
    }

    /** The collections that differ from {@code before}, each with its counts before and after. */
    List<String> changesSince(CollectionSnapshot before) {
        List<String> changes = new ArrayList<>();
        Set<String> names = new java.util.TreeSet<>(before.collections.keySet());
        names.addAll(collections.keySet());
        for (String name : names) {
            State was = before.collections.get(name);
            State now = collections.get(name);
            if (was == null || !was.equals(now)) {
                changes.add(name + " (" + (was == null ? "absent" : was.count() + " docs") + " → "
                        + (now == null ? "absent" : now.count() + " docs") + ")");
            }
        }
        return changes;
    }

    private static long fnv(String s) {
        long h = 0xcbf29ce484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= b;
            h *= 0x100000001b3L;
        }
        return h;
    }
}
