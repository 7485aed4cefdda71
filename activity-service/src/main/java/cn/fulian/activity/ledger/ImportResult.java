package cn.fulian.activity.ledger;

import java.time.Instant;
import java.util.List;

/** What an import stored: the batch, how many activities, and their ids in row order. */
public record ImportResult(
        String batchId,
        String unitPath,
        String fileName,
        String status,
        int imported,
        List<String> activityIds,
        Instant completedAt) {

    static ImportResult of(ImportBatch b) {
        return new ImportResult(
                b.id(),
                b.unitPath(),
                b.fileName(),
                b.status().name(),
                b.rows().size(),
                b.activityIds(),
                b.completedAt());
    }
}
