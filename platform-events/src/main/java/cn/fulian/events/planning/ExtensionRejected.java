package cn.fulian.events.planning;

import cn.fulian.events.DomainEvent;
import cn.fulian.events.Topics;
import java.time.LocalDate;

/** The parent rejected a deadline extension request, with a reason. */
public record ExtensionRejected(
        String assignmentId, String taskId, String unitPath, LocalDate requestedDueDate, String reason)
        implements DomainEvent {
    public static final String TYPE = "ExtensionRejected";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String topic() {
        return Topics.PLANNING;
    }
}
