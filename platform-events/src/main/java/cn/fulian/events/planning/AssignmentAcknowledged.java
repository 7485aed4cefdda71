package cn.fulian.events.planning;

import cn.fulian.events.DomainEvent;
import cn.fulian.events.Topics;
import java.time.Instant;

/** The assigned unit acknowledged its assignment (签收). */
public record AssignmentAcknowledged(String assignmentId, String taskId, String unitPath, Instant acknowledgedAt)
        implements DomainEvent {
    public static final String TYPE = "AssignmentAcknowledged";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String topic() {
        return Topics.PLANNING;
    }
}
