package cn.fulian.events.planning;

import cn.fulian.events.DomainEvent;
import cn.fulian.events.Topics;
import java.math.BigDecimal;

/**
 * A unit kept part of its count or amount target for itself (本级保留) when it allocated the rest to its children:
 * children's targets + {@code retained} = the unit's target. Zero when it keeps nothing.
 */
public record TargetRetained(String assignmentId, String taskId, int year, String unitPath, BigDecimal retained)
        implements DomainEvent {
    public static final String TYPE = "TargetRetained";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String topic() {
        return Topics.PLANNING;
    }
}
