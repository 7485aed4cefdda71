package cn.fulian.events.planning;

import cn.fulian.events.DomainEvent;
import cn.fulian.events.Topics;

/** A task, or one unit assignment of it when assignmentId is set, was cancelled with a reason. */
public record TaskCancelled(String taskId, String assignmentId, String unitPath, String reason) implements DomainEvent {
    public static final String TYPE = "TaskCancelled";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String topic() {
        return Topics.PLANNING;
    }
}
