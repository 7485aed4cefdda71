package cn.fulian.activity.assignment;

import cn.fulian.events.planning.IndicatorSource;
import java.math.BigDecimal;

/**
 * A task assignment as this service knows it from planning's events, joined with its task's indicator.
 * {@code taskPublished} is false while only the allocation has arrived. The source fields say where the task's actual
 * comes from (null for a task written before sources existed: then any metric that fits its unit of measure feeds it).
 */
public record AssignmentInfo(
        String assignmentId,
        String taskId,
        int year,
        String unitPath,
        BigDecimal target,
        boolean cancelled,
        boolean taskPublished,
        String taskTitle,
        String indicatorName,
        String indicatorUnit,
        String indicatorKind,
        String sourceKind,
        String sourceMetric,
        String sourceDenominatorMetric) {

    public boolean isRate() {
        return "RATE".equals(indicatorKind);
    }

    /** Whether activities count toward it: its source is an activity metric, or it was written without a source. */
    public boolean fedByActivities() {
        return sourceKind == null || IndicatorSource.ACTIVITY.equals(sourceKind);
    }
}
