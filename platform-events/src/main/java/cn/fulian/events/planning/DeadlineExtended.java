package cn.fulian.events.planning;

import cn.fulian.events.DomainEvent;
import cn.fulian.events.Topics;
import java.time.LocalDate;

/** The parent approved an extension of an assignment deadline (延期). */
public record DeadlineExtended(
        String assignmentId,
        String taskId,
        String unitPath,
        LocalDate previousDueDate,
        LocalDate newDueDate,
        String reason)
        implements DomainEvent {
    public static final String TYPE = "DeadlineExtended";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String topic() {
        return Topics.PLANNING;
    }
}
