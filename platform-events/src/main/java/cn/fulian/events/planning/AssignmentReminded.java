package cn.fulian.events.planning;

import cn.fulian.events.DomainEvent;
import cn.fulian.events.Topics;
import java.time.Instant;

/** The parent reminded a unit that has not yet acknowledged its assignment (催签收). */
public record AssignmentReminded(String assignmentId, String taskId, String unitPath, Instant remindedAt)
        implements DomainEvent {
    public static final String TYPE = "AssignmentReminded";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String topic() {
        return Topics.PLANNING;
    }
}
