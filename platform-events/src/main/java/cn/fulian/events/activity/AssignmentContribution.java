package cn.fulian.events.activity;

import java.math.BigDecimal;

/**
 * How much an activity adds to one task assignment: {@code metric} is the activity metric counted toward the
 * assignment's indicator and {@code amount} its value (in {@link ActivityRecorded}) or change (in {@link ActivityAmended}
 * and {@link ActivityVoided}). A rate indicator (参训妇女占培训总数) also names the metric that feeds its denominator;
 * otherwise {@code denominatorMetric} and {@code denominatorAmount} are null. Consumers only add amounts, per
 * (assignment, unit), to get exact live actuals.
 */
public record AssignmentContribution(
        String assignmentId, String metric, BigDecimal amount, String denominatorMetric, BigDecimal denominatorAmount) {

    public static AssignmentContribution of(String assignmentId, String metric, BigDecimal amount) {
        return new AssignmentContribution(assignmentId, metric, amount, null, null);
    }
}
