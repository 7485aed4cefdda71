package cn.fulian.events.activity;

import cn.fulian.events.DomainEvent;
import cn.fulian.events.Topics;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * An activity was voided; {@code delta} is minus its last values and {@code contributions} minus what it last added
 * to each assignment, so consumers only add.
 */
public record ActivityVoided(
        String activityId,
        String unitPath,
        int year,
        Map<String, BigDecimal> delta,
        List<String> assignmentIds,
        String reason,
        List<AssignmentContribution> contributions)
        implements DomainEvent {
    public static final String TYPE = "ActivityVoided";

    public ActivityVoided {
        contributions = contributions != null ? contributions : List.of();
    }

    /** A void without per-assignment changes (the first contract shape). */
    public ActivityVoided(
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
