package cn.fulian.activity.ledger;

import cn.fulian.activity.activity.ActivityDraft;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One imported ledger sheet. It is written, with every checked row and the id each row's activity will get, before
 * any activity; activities are then inserted under those ids and the batch is marked COMPLETE. A batch still WRITING
 * after a crash is finished from these rows at the next start, and inserting under fixed ids makes that idempotent.
 */
@Document("ledger_imports")
@CompoundIndex(name = "unit_file", def = "{'unitPath': 1, 'sha256': 1}", unique = true)
record ImportBatch(
        @Id String id,
        String unitPath,
        String fileName,
        String sha256,
        Status status,
        List<Row> rows,
        String importedBy,
        Instant startedAt,
        Instant completedAt) {

    enum Status {
        WRITING,
        COMPLETE
    }

    /** A checked row: its number in the sheet, the id its activity gets, and what it records. */
    record Row(int row, String activityId, ActivityDraft draft) {}

    List<String> activityIds() {
        return rows.stream().map(Row::activityId).toList();
    }
}
