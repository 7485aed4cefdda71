package cn.fulian.events.activity;

import cn.fulian.events.DomainEvent;
import cn.fulian.events.Topics;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * An activity was amended. {@code delta} is new minus old value per metric and {@code contributions} the change per
 * assignment link (a link added counts its full value, a link removed its negated old value), so consumers only add.
 * {@code assignmentIds} are the assignments the activity counts toward after the amendment.
 */
public record ActivityAmended(
        String activityId,
        String unitPath,
        int year,
        Map<String, BigDecimal> delta,
        List<String> assignmentIds,
        String reason,
        List<AssignmentContribution> contributions)
        implements DomainEvent {
    public static final String TYPE = "ActivityAmended";

    public ActivityAmended {
        contributions = contributions != null ? contributions : List.of();
    }

    /** An amendment without per-assignment changes (the first contract shape). */
    public ActivityAmended(
            String activityId,
            String unitPath,
            int year,
            Map<String, BigDecimal> delta,
            List<String> assignmentIds,
            String reason) {
        this(activityId, unitPath, year, delta, assignmentIds, reason, List.of());
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
