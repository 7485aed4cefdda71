package cn.fulian.starter.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Update;

class UpdateMergeTest {

    @Test
    void eventsChangesToOneDocumentMergeAsIfAppliedOneAfterAnother() {
        Document merged = new UpdateMerge()
                .add(new Update().set("status", "SUBMITTED").inc("actual", 3).min("acknowledgedAt", 20))
                .add(new Update().set("status", "APPROVED").inc("actual", 4).min("acknowledgedAt", 10))
                .toUpdate()
                .getUpdateObject();

        assertThat(merged.get("$set", Document.class)).containsEntry("status", "APPROVED");
        assertThat(merged.get("$inc", Document.class)).containsEntry("actual", 7L);
        assertThat(merged.get("$min", Document.class)).containsEntry("acknowledgedAt", 10);
    }

    @Test
    void whatIsSetOnInsertKeepsItsFirstValueAndGivesWayToTheSameFieldSetAnyway() {
        Document merged = new UpdateMerge()
                .add(new Update().setOnInsert("unitPath", "350100").setOnInsert("depth", 1))
                .add(new Update().setOnInsert("depth", 2).set("unitPath", "350100/350102"))
                .toUpdate()
                .getUpdateObject();

        assertThat(merged.get("$setOnInsert", Document.class))
                .containsOnlyKeys("depth")
                .containsEntry("depth", 1);
        assertThat(merged.get("$set", Document.class)).containsEntry("unitPath", "350100/350102");
    }

    @Test
    void anOperatorTheReadModelsDoNotUseIsRefusedRatherThanGuessed() {
        assertThatThrownBy(() -> new UpdateMerge().add(new Update().push("log", "x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("$push");
    }
}
