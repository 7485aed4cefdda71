package cn.fulian.events.planning;

import cn.fulian.events.DomainEvent;
import cn.fulian.events.Topics;
import java.time.LocalDate;

/** A task of a published plan with its measurable indicator (重点任务, 指标). */
public record TaskPublished(
        String planId, String taskId, int year, String workArea, String title, Indicator indicator, LocalDate dueDate)
        implements DomainEvent {
    public static final String TYPE = "TaskPublished";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String topic() {
        return Topics.PLANNING;
    }
}
