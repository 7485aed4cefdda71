package cn.fulian.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.result.UpdateResult;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Updates the store applies to the stored document in place, and reads that decode only the fields they return. */
class InPlaceUpdateTest {

    private MongoWireServer server;
    private MongoClient client;
    private MongoDatabase db;

    @BeforeEach
    void start() {
        server = MongoWireServer.inMemory();
        client = MongoClients.create("mongodb://127.0.0.1:" + server.port());
        db = client.getDatabase("reporting");
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private static Document figures() {
        return new Document("_id", "2026|t1|/c")
                .append("year", 2026)
                .append("actual", 5L)
                .append("reports", new Document("2026-03", new Document("status", "SUBMITTED")))
                .append("childUnits", new ArrayList<>(List.of("/c/d1")))
                .append("_offsets", new Document("activity_0", 10L));
    }

    @Test
    void aGuardedUpsertChangesTheDocumentOnceAndARepeatWithTheOldOffsetIsRefusedAsADuplicate() {
        MongoCollection<Document> units = db.getCollection("rm_task_units");
        units.insertOne(figures());
        Document guard = new Document("_id", "2026|t1|/c").append("_offsets.activity_0", 10L);
        Document update = new Document("$inc", new Document("actual", 3L).append("childFigures.d1.actual", 3L))
                .append("$set", new Document("_offsets.activity_0", 11L).append("reports.2026-03.status", "APPROVED"))
                .append("$addToSet", new Document("childUnits", "/c/d2"))
                .append("$setOnInsert", new Document("year", 1999));

        UpdateResult first = units.updateOne(guard, update, new UpdateOptions().upsert(true));

        assertThat(first.getMatchedCount()).isEqualTo(1);
        assertThat(first.getModifiedCount()).isEqualTo(1);
        Document after = units.find(Filters.eq("_id", "2026|t1|/c")).first();
        assertThat(after.getLong("actual")).isEqualTo(8L);
        assertThat(after.getInteger("year")).isEqualTo(2026);
        assertThat(after.get("childFigures", Document.class)
                        .get("d1", Document.class)
                        .getLong("actual"))
                .isEqualTo(3L);
        assertThat(after.get("reports", Document.class)
                        .get("2026-03", Document.class)
                        .getString("status"))
                .isEqualTo("APPROVED");
        assertThat(after.getList("childUnits", String.class)).containsExactly("/c/d1", "/c/d2");
        assertThatThrownBy(() -> units.updateOne(guard, update, new UpdateOptions().upsert(true)))
                .isInstanceOfSatisfying(
                        MongoWriteException.class,
                        e -> assertThat(e.getError().getCategory()).isEqualTo(ErrorCategory.DUPLICATE_KEY));
        assertThat(units.find(Filters.eq("_id", "2026|t1|/c")).first()).isEqualTo(after);
    }

    @Test
    void anUpdateThatChangesNothingReportsNothingModified() {
        MongoCollection<Document> units = db.getCollection("rm_task_units");
        units.insertOne(figures());
        UpdateResult same = units.updateOne(
                Filters.eq("_id", "2026|t1|/c"),
                new Document("$set", new Document("actual", 5L)).append("$min", new Document("year", 2027)));
        assertThat(same.getMatchedCount()).isEqualTo(1);
        assertThat(same.getModifiedCount()).isZero();
    }

    @Test
    void updatesIntoArraysAndOfIndexedFieldsAreStillAnsweredAsMongoDbDoes() {
        MongoCollection<Document> cases = db.getCollection("cases");
        cases.createIndex(Indexes.ascending("caseNumber"), new IndexOptions().unique(true));
        cases.insertOne(
                new Document("_id", "a").append("caseNumber", "2026-0001").append("items", List.of(1L, 2L)));
        cases.insertOne(new Document("_id", "b").append("caseNumber", "2026-0002"));

        cases.updateOne(Filters.eq("_id", "a"), new Document("$set", new Document("items.1", 5L)));
        assertThat(cases.find(Filters.eq("_id", "a")).first().getList("items", Long.class))
                .containsExactly(1L, 5L);
        assertThatThrownBy(() -> cases.updateOne(
                        Filters.eq("_id", "b"), new Document("$set", new Document("caseNumber", "2026-0001"))))
                .isInstanceOfSatisfying(
                        MongoWriteException.class,
                        e -> assertThat(e.getError().getCategory()).isEqualTo(ErrorCategory.DUPLICATE_KEY));
        assertThat(cases.find(Filters.eq("caseNumber", "2026-0001")).first().getString("_id"))
                .isEqualTo("a");
    }

    @Test
    void theCollectionsSizeFollowsDocumentsChangedInPlace() {
        MongoCollection<Document> changed = db.getCollection("changed");
        changed.insertOne(figures());
        changed.updateOne(
                Filters.eq("_id", "2026|t1|/c"),
                new Document("$set", new Document("reports.2026-04.status", "SUBMITTED"))
                        .append("$unset", new Document("childUnits", "")));
        MongoCollection<Document> fresh = db.getCollection("fresh");
        fresh.insertOne(changed.find().first());

        assertThat(dataSize("changed")).isEqualTo(dataSize("fresh")).isPositive();
    }

    @Test
    void aProjectedReadReturnsTheProjectedFieldsAndStillMatchesOnOthers() {
        MongoCollection<Document> units = db.getCollection("rm_task_units");
        units.insertOne(figures());
        units.insertOne(figures().append("_id", "2025|t1|/c").append("year", 2025));

        List<Document> read = units.find(Filters.and(
                        Filters.in("_id", "2026|t1|/c", "2025|t1|/c"),
                        Filters.eq("reports.2026-03.status", "SUBMITTED")))
                .projection(new Document("_offsets", 1).append("year", 1))
                .into(new ArrayList<>());
        List<Document> byIds = units.find(Filters.in("_id", "2026|t1|/c", "2025|t1|/c"))
                .projection(new Document("_offsets", 1))
                .into(new ArrayList<>());

        assertThat(read)
                .hasSize(2)
                .allSatisfy(d -> assertThat(d.keySet()).containsExactlyInAnyOrder("_id", "year", "_offsets"));
        assertThat(byIds)
                .extracting(d -> d.get("_offsets", Document.class).getLong("activity_0"))
                .containsExactly(10L, 10L);
        assertThat(byIds).allSatisfy(d -> assertThat(d.keySet()).containsExactly("_id", "_offsets"));
    }

    private long dataSize(String collection) {
        return ((Number) db.runCommand(new Document("collStats", collection)).get("size")).longValue();
    }
}
