package cn.fulian.planning.plan;

import cn.fulian.starter.problem.InvalidFieldException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What a draft plan says, as written or imported: checked as a whole before anything is stored. Field names in errors
 * are those of the request ({@code tasks[2].dueDate}).
 */
public record PlanContent(
        int year, String title, String overallRequirements, List<String> workAreas, List<TaskContent> tasks) {

    public record TaskContent(
            String workArea,
            String title,
            String description,
            String leadDepartment,
            LocalDate dueDate,
            Indicator indicator) {}

    public void validate() {
        if (workAreas.stream().distinct().count() != workAreas.size()) {
            throw new InvalidFieldException("workAreas", "工作板块名称不能重复", "work areas must be distinct");
        }
        for (int i = 0; i < tasks.size(); i++) {
            TaskContent t = tasks.get(i);
            String at = "tasks[" + i + "].";
            if (!workAreas.contains(t.workArea())) {
                throw new InvalidFieldException(
                        at + "workArea", "工作板块“" + t.workArea() + "”不在本计划的板块中", "not one of the plan's work areas");
            }
            if (t.dueDate().getYear() != year) {
                throw new InvalidFieldException(
                        at + "dueDate", "完成时限须在" + year + "年内", "the due date must lie within " + year);
            }
            validate(t.indicator(), at + "indicator.");
        }
    }

    static void validate(Indicator indicator, String at) {
        if (!Indicator.UNITS.contains(indicator.unit())) {
            throw new InvalidFieldException(
                    at + "unit",
                    "计量单位须为"
                            + String.join("、", Indicator.UNITS.stream().sorted().toList()) + "之一",
                    "unknown unit of measure");
        }
        if (indicator.target().signum() < 0) {
            throw new InvalidFieldException(at + "target", "目标值不能为负数", "the target must not be negative");
        }
        switch (indicator.kind()) {
            case COUNT -> {
                if (indicator.target().stripTrailingZeros().scale() > 0) {
                    throw new InvalidFieldException(at + "target", "计数类目标须为整数", "a count target must be whole");
                }
            }
            case RATE -> {
                if (!"%".equals(indicator.unit())) {
                    throw new InvalidFieldException(at + "unit", "比率类指标的单位须为%", "a rate is measured in %");
                }
                if (indicator.target().compareTo(BigDecimal.valueOf(100)) > 0) {
                    throw new InvalidFieldException(at + "target", "比率不能超过100%", "a rate cannot exceed 100%");
                }
                if (isBlank(indicator.numeratorName()) || isBlank(indicator.denominatorName())) {
                    throw new InvalidFieldException(
                            at + "numeratorName",
                            "比率类指标须写明分子和分母(如:办结件数/受理件数)",
                            "a rate names its numerator and denominator");
                }
            }
            case AMOUNT -> {
                if (indicator.target().stripTrailingZeros().scale() > 2) {
                    throw new InvalidFieldException(at + "target", "金额最多保留两位小数", "an amount allows at most 2 decimals");
                }
            }
        }
        SourceFit.check(indicator, at);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
