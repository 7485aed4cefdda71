package cn.fulian.events.planning;

import cn.fulian.events.DomainEvent;
import cn.fulian.events.Topics;
import java.time.LocalDate;

/** A unit asked its parent for a later deadline (延期申请). */
public record ExtensionRequested(
        String assignmentId,
        String taskId,
        String unitPath,
        LocalDate currentDueDate,
        LocalDate requestedDueDate,
        String reason)
        implements DomainEvent {
    public static final String TYPE = "ExtensionRequested";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String topic() {
        return Topics.PLANNING;
    }
}
