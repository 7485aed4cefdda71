package cn.fulian.activity.activity;

import cn.fulian.activity.assignment.AssignmentInfo;
import cn.fulian.activity.assignment.IndicatorFit;
import cn.fulian.activity.catalogue.ActivityType;
import cn.fulian.activity.catalogue.Catalogue;
import cn.fulian.activity.catalogue.MetricDefinition;
import cn.fulian.activity.catalogue.TypeMetric;
import cn.fulian.starter.problem.FieldProblem;
import cn.fulian.starter.scope.OrgPath;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every rule an activity must satisfy, as a list of problems rather than the first one: the API answers all of them at
 * once and a ledger import reports them per row. Pure: the caller looks up the catalogue and the assignments.
 */
public final class ActivityRules {

    static final int MAX_TEXT = 100;
    static final int MAX_DESCRIPTION = 2000;
    static final int MAX_LINKS = 20;
    static final BigDecimal MAX_VALUE = new BigDecimal("1000000000");

    private ActivityRules() {}

    /**
     * Checks a draft of the unit's activity.
     *
     * @param assignments the assignments the draft's links name, as far as they are known
     * @param alreadyLinked links the activity had before an amendment: they stay valid even if their task has since been
     *     cancelled, so an unrelated correction is not blocked
     */
    public static List<FieldProblem> check(
            ActivityDraft d,
            Catalogue catalogue,
            OrgPath unit,
            Map<String, AssignmentInfo> assignments,
            Set<Link> alreadyLinked,
            boolean newActivity) {
        List<FieldProblem> problems = new ArrayList<>();
        ActivityType type = null;
        if (d.type() == null || d.type().isBlank()) {
            problems.add(new FieldProblem("type", "请选择活动类型", "type is required"));
        } else {
            type = catalogue.type(d.type()).orElse(null);
            if (type == null) {
                problems.add(new FieldProblem("type", "未知活动类型:" + d.type(), "unknown activity type " + d.type()));
            } else if (newActivity && !type.active()) {
                problems.add(new FieldProblem("type", "活动类型“" + type.name() + "”已停用", "the activity type is inactive"));
            }
        }
        text(problems, "title", d.title(), true, MAX_TEXT, "活动名称");
        text(problems, "place", d.place(), false, MAX_TEXT, "地点");
        text(problems, "organiser", d.organiser(), false, MAX_TEXT, "主办单位");
        text(problems, "description", d.description(), false, MAX_DESCRIPTION, "活动简介");
        dates(problems, d);
        Map<String, MetricDefinition> defs = catalogue.metricsByCode();
        if (type != null) {
            metrics(problems, d.metrics(), type, defs);
        }
        links(problems, d, type, defs, unit, assignments, alreadyLinked);
        return problems;
    }

    private static void text(
            List<FieldProblem> problems, String field, String value, boolean required, int max, String zh) {
        if (value == null) {
            if (required) {
                problems.add(new FieldProblem(field, zh + "不能为空", field + " is required"));
            }
        } else if (value.length() > max) {
            problems.add(new FieldProblem(
                    field, zh + "不能超过" + max + "个字", field + " must be at most " + max + " characters"));
        }
    }

    private static void dates(List<FieldProblem> problems, ActivityDraft d) {
        Integer year = d.year();
        if (year == null) {
            problems.add(new FieldProblem("year", "计划年度不能为空", "year is required"));
        } else if (year < 2000 || year > 2100) {
            problems.add(new FieldProblem("year", "计划年度须在2000至2100之间", "year must be between 2000 and 2100"));
            year = null;
        }
        if (d.startDate() == null) {
            problems.add(new FieldProblem("startDate", "开始日期不能为空", "startDate is required"));
        }
        if (d.endDate() == null) {
            problems.add(new FieldProblem("endDate", "结束日期不能为空", "endDate is required"));
        }
        if (d.startDate() != null && d.endDate() != null && d.endDate().isBefore(d.startDate())) {
            problems.add(new FieldProblem("endDate", "结束日期不能早于开始日期", "endDate must not be before startDate"));
        }
        if (year != null) {
            // an activity counts in the year it ends, so work across New Year (30 Dec – 2 Jan) belongs to one year
            LocalDate end = d.endDate();
            if (end != null && end.getYear() != year) {
                problems.add(new FieldProblem(
                        "endDate",
                        "活动计入结束日期所在年度:结束日期" + end + "不在计划年度" + year + "年内",
                        "an activity counts in the year it ends: endDate " + end + " is outside the plan year "
                                + year));
            }
            LocalDate start = d.startDate();
            if (start != null && start.getYear() < year - 1) {
                problems.add(new FieldProblem(
                        "startDate",
                        "开始日期" + start + "早于上一年度",
                        "startDate " + start + " lies before the previous year"));
            }
        }
    }

    /** Values per metric: known to the type, present when required, not negative, whole where counted, capped. */
    static void metrics(
            List<FieldProblem> problems,
            Map<String, BigDecimal> values,
            ActivityType type,
            Map<String, MetricDefinition> defs) {
        for (Map.Entry<String, BigDecimal> e : values.entrySet()) {
            String field = "metrics." + e.getKey();
            MetricDefinition def = defs.get(e.getKey());
            if (!type.measures(e.getKey()) || def == null) {
                problems.add(new FieldProblem(
                        field,
                        "活动类型“" + type.name() + "”没有指标“" + e.getKey() + "”",
                        "activity type " + type.code() + " has no metric " + e.getKey()));
                continue;
            }
            BigDecimal v = e.getValue().stripTrailingZeros();
            if (v.signum() < 0) {
                problems.add(new FieldProblem(field, def.label() + "不能为负数", e.getKey() + " must not be negative"));
            } else if (def.integer() && v.scale() > 0) {
                problems.add(new FieldProblem(field, def.label() + "须为整数", e.getKey() + " must be a whole number"));
            } else if (v.scale() > 2) {
                problems.add(
                        new FieldProblem(field, def.label() + "最多保留两位小数", e.getKey() + " allows at most 2 decimals"));
            } else if (v.compareTo(MAX_VALUE) > 0) {
                problems.add(new FieldProblem(field, def.label() + "数值过大", e.getKey() + " is too large"));
            }
        }
        for (TypeMetric m : type.metrics()) {
            MetricDefinition def = defs.get(m.code());
            if (m.required() && !values.containsKey(m.code())) {
                String label = def != null ? def.label() : m.code();
                problems.add(new FieldProblem("metrics." + m.code(), label + "不能为空", m.code() + " is required"));
            }
            if (def != null && def.notGreaterThan() != null) {
                BigDecimal value = values.get(m.code());
                BigDecimal cap = values.get(def.notGreaterThan());
                MetricDefinition capDef = defs.get(def.notGreaterThan());
                if (value != null && cap != null && value.compareTo(cap) > 0) {
                    String capLabel = capDef != null ? capDef.label() : def.notGreaterThan();
                    problems.add(new FieldProblem(
                            "metrics." + m.code(),
                            def.label() + "(" + value.toPlainString() + ")不能大于" + capLabel + "(" + cap.toPlainString()
                                    + ")",
                            m.code() + " must not exceed " + def.notGreaterThan()));
                }
            }
        }
    }

    private static void links(
            List<FieldProblem> problems,
            ActivityDraft d,
            ActivityType type,
            Map<String, MetricDefinition> defs,
            OrgPath unit,
            Map<String, AssignmentInfo> assignments,
            Set<Link> alreadyLinked) {
        if (d.links().size() > MAX_LINKS) {
            problems.add(new FieldProblem("links", "最多计入" + MAX_LINKS + "项任务", "at most " + MAX_LINKS + " links"));
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < d.links().size(); i++) {
            Link link = d.links().get(i);
            String field = "links[" + i + "]";
            if (link == null
                    || link.assignmentId() == null
                    || link.assignmentId().isBlank()) {
                problems.add(new FieldProblem(field + ".assignmentId", "请选择计入的任务", "assignmentId is required"));
                continue;
            }
            if (!seen.add(link.assignmentId())) {
                problems.add(
                        new FieldProblem(field + ".assignmentId", "同一任务只能计入一次", "the same assignment is linked twice"));
                continue;
            }
            if (!alreadyLinked.contains(link)) {
                String problem = assignmentProblem(assignments.get(link.assignmentId()), unit, d.year());
                if (problem != null) {
                    problems.add(new FieldProblem(
                            field + ".assignmentId",
                            problem,
                            "assignment " + link.assignmentId() + " is not a published task of this unit in this year;"
                                    + " an ancestor's assignment of the same task receives the activity through the"
                                    + " roll-up"));
                    continue;
                }
            }
            if (type == null) {
                continue;
            }
            MetricDefinition metric = metricOf(problems, field + ".metric", link.metric(), type, defs, d.metrics());
            MetricDefinition den = link.denominatorMetric() == null
                    ? null
                    : metricOf(
                            problems, field + ".denominatorMetric", link.denominatorMetric(), type, defs, d.metrics());
            if (metric == null || (link.denominatorMetric() != null && den == null)) {
                continue;
            }
            AssignmentInfo a = assignments.get(link.assignmentId());
            if (a != null && !alreadyLinked.contains(link)) {
                IndicatorFit.problem(field, metric, den, a).ifPresent(problems::add);
            }
        }
    }

    private static MetricDefinition metricOf(
            List<FieldProblem> problems,
            String field,
            String code,
            ActivityType type,
            Map<String, MetricDefinition> defs,
            Map<String, BigDecimal> values) {
        if (code == null || code.isBlank()) {
            problems.add(new FieldProblem(field, "请选择计入任务的指标", "name the metric counted toward the task"));
            return null;
        }
        if (!type.measures(code) || !defs.containsKey(code)) {
            problems.add(new FieldProblem(
                    field,
                    "活动类型“" + type.name() + "”没有指标“" + code + "”",
                    "activity type " + type.code() + " has no metric " + code));
            return null;
        }
        if (!values.containsKey(code)) {
            problems.add(new FieldProblem(
                    field, "计入任务的指标“" + defs.get(code).label() + "”未填写数值", "metric " + code + " has no value"));
            return null;
        }
        return defs.get(code);
    }

    private static String assignmentProblem(AssignmentInfo a, OrgPath unit, Integer year) {
        if (a == null || !a.taskPublished()) {
            return "任务分配不存在或任务尚未发布";
        }
        if (!OrgPath.isValid(a.unitPath()) || !unit.isAtOrBelow(OrgPath.of(a.unitPath()))) {
            return "该任务未分配给本单位,不能计入";
        }
        if (!unit.value().equals(a.unitPath())) {
            return "只能计入本单位承担的任务:上级单位的同一任务由本单位的完成数逐级汇总,不能重复计入";
        }
        if (a.cancelled()) {
            return "该任务已取消,不能计入";
        }
        if (year != null && a.year() != year) {
            return "该任务属于" + a.year() + "年度,与活动的计划年度" + year + "不符";
        }
        return null;
    }
}
