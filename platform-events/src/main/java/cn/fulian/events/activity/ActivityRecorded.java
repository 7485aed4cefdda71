package cn.fulian.events.activity;

import cn.fulian.events.DomainEvent;
import cn.fulian.events.Topics;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A unit recorded an activity with its measured metrics. {@code contributions} say which metric counts toward which
 * task assignment, with its value; {@code assignmentIds} lists the same assignments for consumers that only need ids.
 */
public record ActivityRecorded(
        String activityId,
        String unitPath,
        String activityType,
        int year,
        LocalDate startDate,
        LocalDate endDate,
        Map<String, BigDecimal> metrics,
        List<String> assignmentIds,
        List<AssignmentContribution> contributions)
        implements DomainEvent {
    public static final String TYPE = "ActivityRecorded";

    public ActivityRecorded {
        contributions = contributions != null ? contributions : List.of();
    }

    /** An activity that counts toward assignments without saying which metric (the first contract shape). */
    public ActivityRecorded(
            String activityId,
            String unitPath,
            String activityType,
            int year,
            LocalDate startDate,
            LocalDate endDate,
            Map<String, BigDecimal> metrics,
            List<String> assignmentIds) {
        this(activityId, unitPath, activityType, year, startDate, endDate, metrics, assignmentIds, List.of());
    }

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String topic() {
        return Topics.ACTIVITY;
    }
}
