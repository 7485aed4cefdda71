package cn.fulian.events.activity;

import cn.fulian.events.DomainEvent;
import cn.fulian.events.Topics;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** A unit recorded an activity with its measured metrics, counting toward the listed assignments. */
public record ActivityRecorded(
        String activityId,
        String unitPath,
        String activityType,
        int year,
        LocalDate startDate,
        LocalDate endDate,
        Map<String, BigDecimal> metrics,
        List<String> assignmentIds)
        implements DomainEvent {
    public static final String TYPE = "ActivityRecorded";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String topic() {
        return Topics.ACTIVITY;
    }
}
