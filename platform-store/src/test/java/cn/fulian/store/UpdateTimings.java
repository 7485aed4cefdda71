package cn.fulian.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Times the read model's writes on the store, by hand: {@code mvn -pl platform-store test-compile} and then
 * {@code java -cp <test classpath> cn.fulian.store.UpdateTimings [polls]} (see the root README, Benchmarks). A city of 13 districts × 13 townships × 17
 * villages and 20 tasks; each poll is 200 activities at random villages, written as the read model writes them: one
 * guarded upsert per document ({@code _id} and the partition's offset as read), the counters added at the village and
 * each ancestor, and on each parent the child's figures repeated under {@code childFigures.<code>}. Prints the
 * documents updated per second and the time per poll, after a warm-up.
 */
public final class UpdateTimings {

    private static final int DISTRICTS = 13;
    private static final int TOWNSHIPS = 13;
    private static final int VILLAGES = 17;
    private static final int TASKS = 20;
    private static final int PER_POLL = 200;
    private static final String OFFSET = "_offsets.activity_0";

    public static void main(String[] args) throws Exception {
        int polls = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        Path dir = Files.createTempDirectory("update-timings");
        try (MongoWireServer server = MongoWireServer.start(dir.resolve("store.mv.db"), "127.0.0.1", 27999);
                MongoClient client = MongoClients.create("mongodb://127.0.0.1:27999")) {
            MongoCollection<Document> units = client.getDatabase("timings").getCollection("rm_task_units");
            // the read model's indexes: the store keeps none of them, but an update must not be slowed by them
            units.createIndex(new Document("year", 1).append("parentPath", 1));
            units.createIndex(new Document("year", 1).append("unitPath", 1));
            seed(units);
            Random random = new Random(7);
            long offset = 0;
            run(units, random, 50, offset);
            offset += 50 * PER_POLL;
            long t0 = System.nanoTime();
            int docs = run(units, random, polls, offset);
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf(
                    "%d polls, %d document updates in %.2f s: %.0f updates/s, %.1f ms per poll (%.0f events/s)%n",
                    polls, docs, seconds, docs / seconds, seconds * 1000 / polls, polls * PER_POLL / seconds);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    private static void seed(MongoCollection<Document> units) {
        List<Document> docs = new ArrayList<>();
        for (int t = 0; t < TASKS; t++) {
            String task = "task-" + t;
            docs.add(unit(task, "/c", DISTRICTS));
            for (int d = 0; d < DISTRICTS; d++) {
                String district = "/c/d" + d;
                docs.add(unit(task, district, TOWNSHIPS));
                for (int s = 0; s < TOWNSHIPS; s++) {
                    String township = district + "/t" + s;
                    docs.add(unit(task, township, VILLAGES));
                    for (int v = 0; v < VILLAGES; v++) {
                        docs.add(unit(task, township + "/v" + v, 0));
                    }
                }
            }
            units.insertMany(docs);
            docs.clear();
        }
    }

    /** A (task, unit) document as the read model keeps it, with twelve reported months and its children's figures. */
    private static Document unit(String task, String path, int children) {
        Document doc = figures(task, path)
                .append("_id", "2026|" + task + "|" + path)
                .append("year", 2026)
                .append("taskId", task)
                .append("unitPath", path)
                .append("depth", path.split("/").length - 1);
        if (children > 0) {
            String prefix = path.equals("/c") ? "d" : path.split("/").length == 3 ? "t" : "v";
            List<String> childUnits = new ArrayList<>();
            Document childFigures = new Document();
            for (int c = 0; c < children; c++) {
                childUnits.add(path + "/" + prefix + c);
                childFigures.append(prefix + c, figures(task, path + "/" + prefix + c));
            }
            doc.append("childUnits", childUnits).append("childFigures", childFigures);
        }
        return doc.append("_offsets", new Document("planning_0", 41_000L));
    }

    private static Document figures(String task, String path) {
        Document reports = new Document();
        for (int m = 1; m <= 12; m++) {
            reports.append(
                    String.format("2026-%02d", m),
                    new Document("status", "APPROVED")
                            .append("value", 1200L * m)
                            .append("approvedValue", 1200L * m));
        }
        return new Document("assignmentId", "a-" + task + path.replace('/', '-'))
                .append("target", 18_000L)
                .append("dueDate", "2026-12-31")
                .append("acknowledgedAt", "2026-02-03T08:00:00Z")
                .append("actual", 0L)
                .append("actualDen", 0L)
                .append("reports", reports);
    }

    private static int run(MongoCollection<Document> units, Random random, int polls, long offset) {
        int written = 0;
        for (int p = 0; p < polls; p++) {
            Map<String, Document> incs = new LinkedHashMap<>();
            for (int e = 0; e < PER_POLL; e++) {
                String task = "task-" + random.nextInt(TASKS);
                String[] path = {"/c", "/c/d" + random.nextInt(DISTRICTS), null, null};
                path[2] = path[1] + "/t" + random.nextInt(TOWNSHIPS);
                path[3] = path[2] + "/v" + random.nextInt(VILLAGES);
                for (int level = 0; level < 4; level++) {
                    Document inc = incs.computeIfAbsent("2026|" + task + "|" + path[level], k -> new Document());
                    inc.merge("actual", 10L, (a, b) -> (Long) a + (Long) b);
                    inc.merge("actualDen", 1L, (a, b) -> (Long) a + (Long) b);
                    if (level < 3) {
                        String child = path[level + 1].substring(path[level + 1].lastIndexOf('/') + 1);
                        inc.merge("childFigures." + child + ".actual", 10L, (a, b) -> (Long) a + (Long) b);
                        inc.merge("childFigures." + child + ".actualDen", 1L, (a, b) -> (Long) a + (Long) b);
                    }
                }
            }
            List<String> ids = new ArrayList<>(incs.keySet());
            Map<Object, Long> seen = new HashMap<>();
            for (Document d : units.find(Filters.in("_id", ids)).projection(new Document("_offsets", 1))) {
                Document offsets = d.get("_offsets", Document.class);
                seen.put(d.get("_id"), offsets == null ? null : offsets.getLong("activity_0"));
            }
            long at = offset + (long) (p + 1) * PER_POLL;
            List<WriteModel<Document>> bulk = new ArrayList<>();
            incs.forEach((id, inc) -> {
                Long before = seen.get(id);
                // as Spring Data writes a criteria of two fields: one flat document, no $and
                Bson filter = new Document("_id", id)
                        .append(OFFSET, before == null ? new Document("$exists", false) : before);
                Document update = new Document("$inc", inc)
                        .append("$set", new Document(OFFSET, at))
                        .append("$setOnInsert", new Document("year", 2026).append("unitPath", id.substring(12)));
                bulk.add(new UpdateOneModel<>(filter, update, new UpdateOptions().upsert(true)));
            });
            units.bulkWrite(bulk, new BulkWriteOptions().ordered(false));
            written += bulk.size();
        }
        return written;
    }
}
