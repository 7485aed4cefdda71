package cn.fulian.store;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.bson.Document;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FieldChangesTest {

    private static Document doc(Object... pairs) {
        Document d = new Document();
        for (int i = 0; i < pairs.length; i += 2) {
            d.put((String) pairs[i], pairs[i + 1]);
        }
        return d;
    }

    private static Document applied(Document stored, Document update) {
        FieldChanges changes = FieldChanges.of(update, "_id");
        assertThat(changes).as("handled in place: %s", update).isNotNull();
        assertThat(changes.applyTo(stored)).isTrue();
        return stored;
    }

    @Test
    void countersAddUpAtDottedPathsAndStartFromZeroWhereAbsent() {
        Document stored = doc("_id", "a", "actual", 5L, "childFigures", doc("v1", doc("actual", 2L)));
        applied(stored, doc("$inc", doc("actual", 3L, "childFigures.v1.actual", 10L, "childFigures.v2.actual", 4L)));
        assertThat(stored.get("actual")).isEqualTo(8L);
        assertThat(((Document) ((Document) stored.get("childFigures")).get("v1")).get("actual"))
                .isEqualTo(12L);
        assertThat(((Document) ((Document) stored.get("childFigures")).get("v2")).get("actual"))
                .isEqualTo(4L);
    }

    @Test
    void intCountersBecomeLongWhereTheSumNoLongerFitsAsMongoDbDoes() {
        Document stored = doc("_id", "a", "n", Integer.MAX_VALUE);
        applied(stored, doc("$inc", doc("n", 1)));
        assertThat(stored.get("n")).isEqualTo(Integer.MAX_VALUE + 1L);
    }

    @Test
    void setReplacesInPlaceKeepingTheFieldOrderAndAppendsNewFields() {
        Document stored = doc("_id", "a", "status", "SUBMITTED", "value", 3L);
        applied(stored, doc("$set", doc("status", "APPROVED", "reports.2026-03.status", "APPROVED")));
        assertThat(new ArrayList<>(stored.keySet())).containsExactly("_id", "status", "value", "reports");
        assertThat(stored.get("status")).isEqualTo("APPROVED");
        assertThat(((Document) ((Document) stored.get("reports")).get("2026-03")).get("status"))
                .isEqualTo("APPROVED");
    }

    @Test
    void minKeepsTheSmallerAndMaxTheLarger() {
        Document stored = doc("_id", "a", "first", "2026-03-01", "most", 7L);
        applied(stored, doc("$min", doc("first", "2026-02-01"), "$max", doc("most", 5L)));
        assertThat(stored.get("first")).isEqualTo("2026-02-01");
        assertThat(stored.get("most")).isEqualTo(7L);
        applied(stored, doc("$min", doc("first", "2026-04-01", "absent", 1L), "$max", doc("most", 9)));
        assertThat(stored.get("first")).isEqualTo("2026-02-01");
        assertThat(stored.get("absent")).isEqualTo(1L);
        assertThat(stored.get("most")).isEqualTo(9);
    }

    @Test
    void minOfDatesKeepsTheEarlierAsTheStoreDecodesThem() {
        Instant first = Instant.parse("2026-02-03T08:00:00Z");
        Document stored = doc("_id", "a", "acknowledgedAt", first);
        applied(stored, doc("$min", doc("acknowledgedAt", first.plusSeconds(60))));
        assertThat(stored.get("acknowledgedAt")).isEqualTo(first);
        applied(stored, doc("$min", doc("acknowledgedAt", first.minusSeconds(60))));
        assertThat(stored.get("acknowledgedAt")).isEqualTo(first.minusSeconds(60));
    }

    @Test
    void addToSetAddsOnlyWhatIsNotThereAndUnsetRemoves() {
        Document stored = doc("_id", "a", "childUnits", new ArrayList<>(List.of("/c/d1")), "gone", 1L);
        applied(stored, doc("$addToSet", doc("childUnits", "/c/d1"), "$unset", doc("gone", "", "never.there", "")));
        applied(stored, doc("$addToSet", doc("childUnits", doc("$each", List.of("/c/d2", "/c/d1")))));
        assertThat(stored.get("childUnits")).isEqualTo(List.of("/c/d1", "/c/d2"));
        assertThat(stored.containsKey("gone")).isFalse();
        assertThat(stored.containsKey("never")).isFalse();
    }

    @Test
    void setOnInsertChangesNothingInAStoredDocument() {
        Document stored = doc("_id", "a", "year", 2026);
        applied(stored, doc("$setOnInsert", doc("year", 2027, "depth", 2)));
        assertThat(stored).isEqualTo(doc("_id", "a", "year", 2026));
    }

    @Test
    void updatesMongoDbRefusesOrThatReachIntoArraysAreLeftToTheServer() {
        assertThat(FieldChanges.of(doc("$set", doc("a", 1L), "$inc", doc("a.b", 1L)), "_id"))
                .isNull();
        assertThat(FieldChanges.of(doc("$set", doc("a", 1L), "$inc", doc("a", 1L)), "_id"))
                .isNull();
        assertThat(FieldChanges.of(doc("$set", doc("_id", "b")), "_id")).isNull();
        assertThat(FieldChanges.of(doc("$set", doc("items.$.n", 1L)), "_id")).isNull();
        assertThat(FieldChanges.of(doc("$push", doc("items", 1L)), "_id")).isNull();
        assertThat(FieldChanges.of(doc("plain", "replacement"), "_id")).isNull();
        assertThat(FieldChanges.of(doc("$set", doc("a..b", 1L)), "_id")).isNull();
        // paths that merely sort between a field and a field inside it are no conflict
        assertThat(FieldChanges.of(doc("$set", doc("r.2026", 1L, "r.2026-03", 2L)), "_id"))
                .isNotNull();
    }

    @Test
    void aChangeThatMeetsAnArrayOrANonNumberIsDeclined() {
        Document withArray = doc("_id", "a", "items", new ArrayList<>(List.of(doc("n", 1L))));
        assertThat(FieldChanges.of(doc("$set", doc("items.0.n", 2L)), "_id").applyTo(withArray))
                .isFalse();
        assertThat(FieldChanges.of(doc("$unset", doc("items.0.n", "")), "_id").applyTo(withArray))
                .isFalse();
        assertThat(FieldChanges.of(doc("$unset", doc("items.1", "")), "_id").applyTo(withArray))
                .isFalse();
        Document withText = doc("_id", "a", "actual", "many");
        assertThat(FieldChanges.of(doc("$inc", doc("actual", 1L)), "_id").applyTo(withText))
                .isFalse();
        Document withScalar = doc("_id", "a", "reports", 3L);
        assertThat(FieldChanges.of(doc("$set", doc("reports.2026-03", 1L)), "_id")
                        .applyTo(withScalar))
                .isFalse();
        Document withDate = doc("_id", "a", "due", "2026-12-31");
        assertThat(FieldChanges.of(doc("$min", doc("due", 5L)), "_id").applyTo(withDate))
                .isFalse();
    }
}
