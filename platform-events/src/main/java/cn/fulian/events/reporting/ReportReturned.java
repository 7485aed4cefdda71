package cn.fulian.events.reporting;

import cn.fulian.events.DomainEvent;
import cn.fulian.events.Topics;
import java.time.Instant;

/** The parent unit returned a progress report with a reason (退回). */
public record ReportReturned(
        String reportId,
        String assignmentId,
        String taskId,
        String unitPath,
        String period,
        String reason,
        Instant returnedAt)
        implements DomainEvent {
    public static final String TYPE = "ReportReturned";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String topic() {
        return Topics.REPORTING;
    }
}
