package cn.fulian.reporting.support;

import cn.fulian.reporting.dashboard.DashboardView.TaskRow;
import cn.fulian.reporting.dashboard.PaceStatus;
import cn.fulian.reporting.readmodel.TaskDoc;
import cn.fulian.reporting.readmodel.TaskUnitDoc;
import cn.fulian.reporting.readmodel.TaskUnitDoc.PeriodCounts;
import cn.fulian.reporting.readmodel.TaskUnitDoc.PeriodReport;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Read-model documents and task rows as the dashboard's plain parts take them, without a store. */
public final class Docs {

    private Docs() {}

    /** A count task of the plan year 2030, due at its end, with only what a test names set. */
    public static TaskDoc task(
            String id,
            String planUnitPath,
            String workArea,
            String title,
            String direction,
            String target,
            boolean cancelled) {
        return new TaskDoc(
                id,
                "p-" + planUnitPath,
                planUnitPath,
                2030,
                workArea,
                title,
                LocalDate.of(2030, 12, 31),
                "场次",
                "场",
                "COUNT",
                direction,
                target == null ? null : new BigDecimal(target),
                null,
                null,
                null,
                null,
                null,
                null,
                cancelled);
    }

    /** The unit's document of a task with a target of 100, nothing counted yet, and these completeness counters. */
    public static TaskUnitDoc taskUnit(String taskId, String unit, long expected, Map<String, PeriodCounts> counts) {
        return new TaskUnitDoc(
                "2030|" + taskId + "|" + unit,
                2030,
                taskId,
                unit,
                "a-" + taskId,
                "a-parent",
                new BigDecimal("100"),
                null,
                null,
                null,
                null,
                null,
                null,
                false,
                List.of(),
                expected,
                counts,
                Map.of());
    }

    /** The document with these figures: its subtree's actual, the share it kept and its own activities. */
    public static TaskUnitDoc withFigures(TaskUnitDoc d, String actual, String retained, String ownActual) {
        return copy(d, decimal(actual), decimal(retained), decimal(ownActual), d.reports());
    }

    /** The document with the unit's own report of one period. */
    public static TaskUnitDoc withReport(TaskUnitDoc d, String period, PeriodReport report) {
        return copy(d, d.actual(), d.retained(), d.ownActual(), Map.of(period, report));
    }

    /** A row with only what scores read: its task, completion and light. */
    public static TaskRow row(String taskId, String completion, PaceStatus status) {
        return new TaskRow(
                taskId,
                null,
                null,
                null,
                null,
                "COUNT",
                "AT_LEAST",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                decimal(completion),
                null,
                status,
                status.label(),
                null,
                null,
                null,
                "ACTIVITY",
                null,
                null,
                null);
    }

    private static TaskUnitDoc copy(
            TaskUnitDoc d,
            BigDecimal actual,
            BigDecimal retained,
            BigDecimal ownActual,
            Map<String, PeriodReport> reports) {
        return new TaskUnitDoc(
                d.id(),
                d.year(),
                d.taskId(),
                d.unitPath(),
                d.assignmentId(),
                d.parentAssignmentId(),
                d.target(),
                retained,
                actual,
                null,
                ownActual,
                d.dueDate(),
                d.acknowledgedAt(),
                d.cancelled(),
                d.childUnits(),
                d.expectedReports(),
                d.reportCounts(),
                reports);
    }

    private static BigDecimal decimal(String value) {
        return value == null ? null : new BigDecimal(value);
    }
}
