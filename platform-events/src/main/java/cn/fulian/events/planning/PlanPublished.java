package cn.fulian.events.planning;

import cn.fulian.events.DomainEvent;
import cn.fulian.events.Topics;

/** A city annual plan (年度工作计划) was published; its targets are frozen from now on. */
public record PlanPublished(String planId, int year, String title, int taskCount) implements DomainEvent {
    public static final String TYPE = "PlanPublished";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String topic() {
        return Topics.PLANNING;
    }
}
