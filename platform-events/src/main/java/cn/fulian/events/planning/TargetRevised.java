package cn.fulian.events.planning;

import cn.fulian.events.DomainEvent;
import cn.fulian.events.Topics;
import java.math.BigDecimal;

/** A published task's target was revised explicitly, with a reason kept in the plan's history. */
public record TargetRevised(
        String planId, String taskId, int year, BigDecimal previousTarget, BigDecimal newTarget, String reason)
        implements DomainEvent {
    public static final String TYPE = "TargetRevised";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String topic() {
        return Topics.PLANNING;
    }
}
