package cn.fulian.events.planning;

import cn.fulian.events.DomainEvent;
import cn.fulian.events.Topics;
import java.math.BigDecimal;
import java.time.LocalDate;

/** A task target was allocated to a unit (分解下达); a re-allocation carries the same assignment id and the new target. */
public record TargetAllocated(
        String assignmentId,
        String taskId,
        int year,
        String parentAssignmentId,
        String unitPath,
        BigDecimal target,
        LocalDate dueDate)
        implements DomainEvent {
    public static final String TYPE = "TargetAllocated";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String topic() {
        return Topics.PLANNING;
    }
}
