package cn.fulian.reporting.readmodel;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.bson.Document;

/**
 * An assignment as the read model knows it ({@link ReadModel#ASSIGNMENTS}): its task, unit, parent, target and due
 * date, acknowledgement, reminders and extension. {@code taskId} is null while activity links wait for its allocation.
 *
 * @param extension REQUESTED, APPROVED or REJECTED; null when none was asked for
 */
public record AssignmentDoc(
        String id,
        String taskId,
        int year,
        String unitPath,
        String parentAssignmentId,
        BigDecimal target,
        LocalDate dueDate,
        boolean cancelled,
        Instant acknowledgedAt,
        long reminders,
        String extension) {

    static AssignmentDoc of(Document d) {
        return new AssignmentDoc(
                d.getString("_id"),
                d.getString("taskId"),
                Docs.integer(d, "year"),
                d.getString("unitPath"),
                d.getString("parentAssignmentId"),
                Fixed.read(d.get("target")),
                Docs.day(d, "dueDate"),
                Boolean.TRUE.equals(d.getBoolean("cancelled")),
                Docs.instant(d, "acknowledgedAt"),
                Docs.count(d, "reminders"),
                d.getString("extension"));
    }

    /** Allocated: the task and unit are known (not only links waiting for it). */
    public boolean known() {
        return taskId != null;
    }
}
