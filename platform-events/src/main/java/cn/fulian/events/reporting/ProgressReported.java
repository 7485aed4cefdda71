package cn.fulian.events.reporting;

import cn.fulian.events.DomainEvent;
import cn.fulian.events.Topics;
import java.math.BigDecimal;
import java.time.Instant;

/** A unit submitted a progress report (进度填报) for one assignment and period. */
public record ProgressReported(
        String reportId,
        String assignmentId,
        String taskId,
        String unitPath,
        String period,
        BigDecimal value,
        Instant submittedAt,
        boolean onTime)
        implements DomainEvent {
    public static final String TYPE = "ProgressReported";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String topic() {
        return Topics.REPORTING;
    }
}
