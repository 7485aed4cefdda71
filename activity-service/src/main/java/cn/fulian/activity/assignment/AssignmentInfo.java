package cn.fulian.activity.assignment;

import java.math.BigDecimal;

/**
 * A task assignment as this service knows it from planning's events, joined with its task's indicator.
 * {@code taskPublished} is false while only the allocation has arrived.
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
        String indicatorKind) {

    public boolean isRate() {
        return "RATE".equals(indicatorKind);
    }
}
