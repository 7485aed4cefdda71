package cn.fulian.activity.assignment;

import cn.fulian.activity.catalogue.MetricDefinition;
import cn.fulian.events.planning.IndicatorSource;
import cn.fulian.starter.problem.FieldProblem;
import java.util.Optional;

/**
 * Whether an activity metric can feed a task's indicator. A task whose source names an activity metric takes exactly
 * that metric (and for a rate that denominator); a task fed by rights cases, honours or approved reports takes none. A
 * task written before sources existed takes, for a count or amount, a metric measured in the same unit or counting the
 * same thing (人次 toward 人, 场 toward 期), and for a rate a numerator and a denominator that count the same thing.
 */
public final class IndicatorFit {

    private IndicatorFit() {}

    public static boolean feeds(MetricDefinition metric, AssignmentInfo assignment) {
        if (!assignment.fedByActivities()) {
            return false;
        }
        if (assignment.sourceMetric() != null) {
            return !assignment.isRate() && assignment.sourceMetric().equals(metric.code());
        }
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
        if (!a.fedByActivities()) {
            return Optional.of(new FieldProblem(
                    field + ".assignmentId",
                    indicator + "的完成数取自" + sourceLabel(a.sourceKind()) + ",不能由活动计入",
                    "the indicator's actual comes from " + a.sourceKind() + ", not from activities"));
        }
        if (a.sourceMetric() != null) {
            return namedSource(field, metric, denominator, a, indicator);
        }
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

    /** The task names the metric (and for a rate the denominator) that feeds it: only that one does. */
    private static Optional<FieldProblem> namedSource(
            String field, MetricDefinition metric, MetricDefinition denominator, AssignmentInfo a, String indicator) {
        if (!metric.code().equals(a.sourceMetric())) {
            return Optional.of(new FieldProblem(
                    field + ".metric",
                    indicator + "的完成数取自活动指标" + a.sourceMetric() + ",“" + metric.label() + "”不能计入",
                    "the indicator counts metric " + a.sourceMetric() + ", not " + metric.code()));
        }
        String expectedDen = a.sourceDenominatorMetric();
        String givenDen = denominator == null ? null : denominator.code();
        if (expectedDen != null && !expectedDen.equals(givenDen)) {
            return Optional.of(new FieldProblem(
                    field + ".denominatorMetric",
                    indicator + "的分母取自活动指标" + expectedDen,
                    "the indicator's denominator is metric " + expectedDen));
        }
        if (expectedDen == null && givenDen != null) {
            return Optional.of(new FieldProblem(
                    field + ".denominatorMetric",
                    indicator + "不是比率,不能指定分母",
                    "the indicator is not a rate; leave denominatorMetric empty"));
        }
        return Optional.empty();
    }

    private static String sourceLabel(String kind) {
        return switch (kind) {
            case IndicatorSource.RIGHTS -> "维权案件统计";
            case IndicatorSource.HONOURS -> "荣誉创建与复查统计";
            case IndicatorSource.REPORTED -> "审核通过的填报值";
            default -> kind;
        };
    }
}
