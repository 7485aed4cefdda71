package cn.fulian.activity.assignment;

import cn.fulian.activity.catalogue.MetricDefinition;
import cn.fulian.starter.problem.FieldProblem;
import java.util.Optional;

/**
 * Whether an activity metric can feed a task's indicator. A count or amount indicator takes a metric measured in the
 * same unit or counting the same thing (人次 toward 人, 场 toward 期); a rate indicator (参训妇女占培训总数≥50%) takes a
 * numerator and a denominator metric that count the same thing.
 */
public final class IndicatorFit {

    private IndicatorFit() {}

    public static boolean feeds(MetricDefinition metric, AssignmentInfo assignment) {
        if (assignment.isRate()) {
            return false;
        }
        String unit = assignment.indicatorUnit();
        return unit != null
                && (unit.trim().equals(metric.unit()) || metric.quantity().measuredIn(unit));
    }

    /** Why the metric (and for a rate, the denominator) cannot feed the assignment, or empty if it can. */
    public static Optional<FieldProblem> problem(
            String field, MetricDefinition metric, MetricDefinition denominator, AssignmentInfo a) {
        String indicator = "指标“" + a.indicatorName() + "”";
        if (a.isRate()) {
            if (denominator == null) {
                return Optional.of(new FieldProblem(
                        field + ".denominatorMetric",
                        indicator + "是比率,须同时指定计入分母的指标",
                        "the indicator is a rate: name the metric counted as its denominator"));
            }
            if (metric.quantity() != denominator.quantity()) {
                return Optional.of(new FieldProblem(
                        field + ".denominatorMetric",
                        "分子“" + metric.label() + "”与分母“" + denominator.label() + "”计量的不是同一类数量",
                        "numerator and denominator must count the same kind of quantity"));
            }
            return Optional.empty();
        }
        if (denominator != null) {
            return Optional.of(new FieldProblem(
                    field + ".denominatorMetric",
                    indicator + "不是比率,不能指定分母",
                    "the indicator is not a rate; leave denominatorMetric empty"));
        }
        if (!feeds(metric, a)) {
            return Optional.of(new FieldProblem(
                    field + ".metric",
                    "“" + metric.label() + "”(" + metric.unit() + ")不能计入" + indicator + "(" + a.indicatorUnit() + ")",
                    "metric " + metric.code() + " (" + metric.unit() + ") cannot feed an indicator measured in "
                            + a.indicatorUnit()));
        }
        return Optional.empty();
    }
}
