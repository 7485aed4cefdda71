package cn.fulian.activity.activity;

/**
 * An activity counting toward a task assignment: which of its metrics feeds the assignment's indicator, and for a rate
 * indicator which metric feeds the denominator.
 */
public record Link(String assignmentId, String metric, String denominatorMetric) {

    public Link {
        assignmentId = assignmentId == null ? null : assignmentId.trim();
        metric = metric == null ? null : metric.trim();
        denominatorMetric = denominatorMetric == null || denominatorMetric.isBlank() ? null : denominatorMetric.trim();
    }
}
