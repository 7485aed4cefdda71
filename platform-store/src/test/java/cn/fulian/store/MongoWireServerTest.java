package cn.fulian.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MongoWireServerTest {

    private static final String HOST = "127.0.0.1";

    @TempDir
    Path state;

    @Test
    void documentsComeBackAfterARestartWithEveryTypeTheServicesWrite() throws IOException {
        Document written = new Document("_id", "2026|district-gulou|task-07")
                .append("year", 2026)
                .append("target", 5_000_000_000L)
                .append("rate", 0.95)
                .append("amount", Decimal128.parse("1234.50"))
                .append("name", "巾帼志愿服务活动")
                .append("published", true)
                .append("closedAt", null)
                .append("dueAt", new Date(1_798_675_200_000L))
                .append("ref", new ObjectId("65a1b2c3d4e5f60718293a4b"))
                .append("offsets", new Document("activity.events.v1-3", 120L).append("planning.events.v1-0", 7L))
                .append("units", List.of("gulou", "cangshan", List.of(1, 2.5)));

        withServer(db -> db.getCollection("rm_figures").insertOne(written));

        withServer(db -> assertThat(db.getCollection("rm_figures")
                        .find(Filters.eq("_id", written.get("_id")))
                        .first())
                .isEqualTo(written));
    }

    @Test
    void lookupsByIdUpsertsAndUniqueIndexesWorkOnAStoreReopenedWithThousandsOfDocuments() throws IOException {
        withServer(db -> {
            MongoCollection<Document> assignments = db.getCollection("assignments");
            assignments.createIndex(Indexes.ascending("taskId", "unitId"), new IndexOptions().unique(true));
            assignments.createIndex(Indexes.ascending("done"));
            List<Document> documents = IntStream.range(0, 3_000)
                    .mapToObj(i -> new Document("_id", new ObjectId())
                            .append("taskId", "task-" + i % 30)
                            .append("unitId", "unit-" + i / 30)
                            .append("done", i))
                    .toList();
            assignments.insertMany(documents);
        });

        withServer(db -> {
            MongoCollection<Document> assignments = db.getCollection("assignments");
            assertThat(assignments.countDocuments()).isEqualTo(3_000);
            Document one = assignments
                    .find(Filters.and(Filters.eq("taskId", "task-7"), Filters.eq("unitId", "unit-42")))
                    .first();
            assertThat(one.getInteger("done")).isEqualTo(42 * 30 + 7);
            assertThat(assignments.find(Filters.gte("done", 2_990)).into(new ArrayList<>()))
                    .extracting(d -> d.getInteger("done"))
                    .containsExactlyInAnyOrderElementsOf(
                            IntStream.range(2_990, 3_000).boxed().toList());
            assertThat(assignments.listIndexes().into(new ArrayList<>()))
                    .extracting(index -> index.getString("name"))
                    .contains("done_1", "taskId_1_unitId_1");
            assertThat(assignments
                            .find(Filters.eq("_id", one.getObjectId("_id")))
                            .first())
                    .isEqualTo(one);
            assertThatThrownBy(
                            () -> assignments.insertOne(new Document("taskId", "task-7").append("unitId", "unit-42")))
                    .isInstanceOf(MongoWriteException.class)
                    .hasMessageContaining("E11000");

            assertThat(assignments
                            .find(Filters.in("_id", List.of(one.getObjectId("_id"), new ObjectId())))
                            .into(new ArrayList<>()))
                    .containsExactly(one);
            List<String> units =
                    IntStream.range(0, 3_000).mapToObj(i -> "unit-" + i).toList();
            assertThat(assignments
                            .find(Filters.and(Filters.eq("taskId", "task-7"), Filters.in("unitId", units)))
                            .into(new ArrayList<>()))
                    .hasSize(100);

            MongoCollection<Document> figures = db.getCollection("rm_figures");
            for (int i = 0; i < 3; i++) {
                figures.updateOne(
                        Filters.eq("_id", "2026|unit-42"), Updates.inc("actual", 5), new UpdateOptions().upsert(true));
            }
            figures.insertMany(IntStream.range(0, 2_000)
                    .mapToObj(i -> new Document("_id", "2025|unit-" + i).append("actual", i))
                    .toList());
            List<String> everyOther = IntStream.range(0, 4_000)
                    .filter(i -> i % 2 == 0)
                    .mapToObj(i -> "2025|unit-" + i)
                    .toList();
            assertThat(figures.find(Filters.and(Filters.eq("_id", "2025|unit-7"), Filters.gt("actual", 6)))
                            .into(new ArrayList<>()))
                    .containsExactly(new Document("_id", "2025|unit-7").append("actual", 7));
            assertThat(figures.find(Filters.and(Filters.eq("_id", "2025|unit-7"), Filters.gt("actual", 7)))
                            .into(new ArrayList<>()))
                    .isEmpty();
            assertThat(figures.updateOne(
                                    Filters.and(Filters.eq("_id", "2025|unit-8"), Filters.exists("target", false)),
                                    Updates.set("target", 100))
                            .getModifiedCount())
                    .isEqualTo(1);
            assertThat(figures.find(Filters.in("_id", everyOther)).into(new ArrayList<>()))
                    .extracting(d -> d.getInteger("actual"))
                    .containsExactlyInAnyOrderElementsOf(IntStream.range(0, 2_000)
                            .filter(i -> i % 2 == 0)
                            .boxed()
                            .toList());
            assertThat(figures.find(Filters.in("_id", List.of("2026|unit-42", "2026|unit-43")))
                            .into(new ArrayList<>()))
                    .containsExactly(new Document("_id", "2026|unit-42").append("actual", 15));
        });
    }

    @Test
    void documentsChangedWhileTheStoreWritesThemInTheBackgroundAreKeptWhole() throws IOException {
        int documents = 8;
        int rounds = 1_200;
        Document wide = new Document();
        IntStream.range(0, 2_000).forEach(i -> wide.append("figure-" + i, (long) i));
        withServer(db -> {
            MongoCollection<Document> figures = db.getCollection("rm_figures");
            for (int i = 0; i < documents; i++) {
                figures.insertOne(new Document(wide).append("_id", "2026|unit-" + i));
            }
            for (int i = 0; i < rounds; i++) {
                figures.updateOne(
                        Filters.eq("_id", "2026|unit-" + i % documents),
                        Updates.combine(
                                Updates.inc("actual", 1),
                                Updates.set("note-" + i % 5, "第" + i + "次"),
                                Updates.unset("note-" + (i + 1) % 5)));
            }
        });

        Map<String, Map<String, Object>> expected = new TreeMap<>();
        for (int i = 0; i < rounds; i++) {
            Map<String, Object> notes = expected.computeIfAbsent("2026|unit-" + i % documents, id -> new TreeMap<>());
            notes.merge("actual", 1, (a, b) -> (Integer) a + (Integer) b);
            notes.put("note-" + i % 5, "第" + i + "次");
            notes.remove("note-" + (i + 1) % 5);
        }
        withServer(db -> {
            Map<String, Map<String, Object>> stored = new TreeMap<>();
            for (Document figure : db.getCollection("rm_figures").find()) {
                assertThat(figure).containsAllEntriesOf(wide);
                Map<String, Object> changed = new TreeMap<>(figure);
                changed.keySet().removeIf(key -> key.startsWith("figure-") || key.equals("_id"));
                stored.put(figure.getString("_id"), changed);
            }
            assertThat(stored).isEqualTo(expected);
        });
    }

    /**
     * H2 moves live pages out of half-empty chunks in the background and drops the old chunks; a read of a whole
     * collection walks the version it started on, so the store must keep that version's chunks until the read ends.
     * Here the test commits (a version per write) and compacts itself, and chunks are kept no longer than they must be
     * (retention 0), so many versions and moves fall inside each read.
     */
    @Test
    void wholeCollectionReadsSeeEveryDocumentWhileOtherCollectionsAreRewrittenAndTheStoreCompacts() throws Exception {
        int documents = 20_000;
        MVStore store = new MVStore.Builder()
                .fileName(state.resolve("compacting.mv").toString())
                .autoCommitDisabled()
                .open();
        store.setRetentionTime(0);
        MongoServer server = new MongoServer(new BsonH2Backend(store));
        int port = freePort();
        server.bind(HOST, port);
        AtomicBoolean stop = new AtomicBoolean();
        List<Throwable> churnFailures = new CopyOnWriteArrayList<>();
        try (MongoClient client = MongoClients.create("mongodb://" + HOST + ":" + port)) {
            MongoDatabase db = client.getDatabase("reporting");
            MongoCollection<Document> raw = db.getCollection("raw_allocations");
            for (int from = 0; from < documents; from += 1_000) {
                raw.insertMany(IntStream.range(from, from + 1_000)
                        .mapToObj(i -> new Document("_id", "a-" + i)
                                .append("unit", "350100/3501" + i % 13)
                                .append("target", (long) i)
                                .append("name", "巾帼建功行动第" + i + "项"))
                        .toList());
            }
            // leaves the first chunks half empty: what the store's background compaction rewrites
            raw.updateMany(Filters.exists("_id"), Updates.set("checked", true));
            Thread churn = new Thread(() -> {
                MongoCollection<Document> busy = db.getCollection("rm_figures");
                String pad = "x".repeat(2_000);
                for (int round = 0; !stop.get(); round++) {
                    try {
                        for (int i = 0; i < 50; i++) {
                            busy.replaceOne(
                                    Filters.eq("_id", "u-" + i),
                                    new Document("_id", "u-" + i)
                                            .append("round", round)
                                            .append("pad", pad),
                                    new ReplaceOptions().upsert(true));
                            store.commit();
                        }
                        // what the store's background thread does once the file is half empty, more often
                        store.compact(99, 4 * 1024 * 1024);
                        store.commit();
                        Thread.sleep(5);
                    } catch (RuntimeException e) {
                        churnFailures.add(e);
                        return;
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            churn.start();
            long expectedSum = (long) documents * (documents - 1) / 2;
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            int reads = 0;
            try {
                while (System.nanoTime() < until) {
                    long sum = 0;
                    int seen = 0;
                    for (Document allocation : raw.find(Filters.gte("target", 0L))) {
                        sum += allocation.getLong("target");
                        seen++;
                    }
                    assertThat(seen).as("read %d", reads).isEqualTo(documents);
                    assertThat(sum).as("read %d", reads).isEqualTo(expectedSum);
                    reads++;
                }
            } finally {
                stop.set(true);
                churn.join();
            }
            assertThat(churnFailures).isEmpty();
            assertThat(reads).isGreaterThan(3);
        } finally {
            server.shutdown();
        }
    }

    @Test
    void aDroppedCollectionAndADroppedDatabaseStayGoneAfterARestart() throws IOException {
        withServer(db -> {
            db.getCollection("kept").insertOne(new Document("_id", 1));
            db.getCollection("dropped").insertOne(new Document("_id", 1));
            db.getCollection("dropped").drop();
        });
        withClient(client -> client.getDatabase("other").getCollection("x").insertOne(new Document("_id", 1)));
        withClient(client -> client.getDatabase("other").drop());

        withClient(client -> {
            assertThat(client.getDatabase("platform").listCollectionNames().into(new ArrayList<>()))
                    .containsExactly("kept");
            assertThat(client.listDatabaseNames().into(new ArrayList<>())).doesNotContain("other");
        });
    }

    @Test
    void aStoreWrittenInTheEarlierFormatOpensWithItsDocumentsAndAcceptsWrites() throws IOException {
        Path file = state.resolve("mongo").resolve("data.mv");
        file.getParent().toFile().mkdirs();
        MongoServer earlier = new MongoServer(new H2Backend(file.toString()));
        int earlierPort = freePort();
        earlier.bind(HOST, earlierPort);
        try (MongoClient client = MongoClients.create("mongodb://" + HOST + ":" + earlierPort)) {
            client.getDatabase("platform")
                    .getCollection("plans")
                    .insertOne(new Document("_id", "2025").append("tasks", 18));
        } finally {
            earlier.shutdown();
        }

        withServer(db -> db.getCollection("plans").insertOne(new Document("_id", "2026").append("tasks", 20)));

        withServer(db -> assertThat(db.getCollection("plans").find().into(new ArrayList<>()))
                .containsExactlyInAnyOrder(
                        new Document("_id", "2025").append("tasks", 18),
                        new Document("_id", "2026").append("tasks", 20)));
    }

    private void withServer(Consumer<MongoDatabase> work) throws IOException {
        withClient(client -> work.accept(client.getDatabase("platform")));
    }

    /** Starts the server on the test's store, runs the work against it and stops it again. */
    private void withClient(Consumer<MongoClient> work) throws IOException {
        int port = freePort();
        try (MongoWireServer server =
                        MongoWireServer.start(state.resolve("mongo").resolve("data.mv"), HOST, port);
                MongoClient client = MongoClients.create("mongodb://" + HOST + ":" + port)) {
            work.accept(client);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 50, InetAddress.getByName(HOST))) {
            return probe.getLocalPort();
        }
    }
}
