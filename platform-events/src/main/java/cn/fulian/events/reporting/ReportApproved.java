package cn.fulian.events.reporting;

import cn.fulian.events.DomainEvent;
import cn.fulian.events.Topics;
import java.math.BigDecimal;
import java.time.Instant;

/** The parent unit approved a progress report (审核通过); it is locked from now on. */
public record ReportApproved(
        String reportId,
        String assignmentId,
        String taskId,
        String unitPath,
        String period,
        BigDecimal value,
        Instant approvedAt)
        implements DomainEvent {
    public static final String TYPE = "ReportApproved";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String topic() {
        return Topics.REPORTING;
    }
}
