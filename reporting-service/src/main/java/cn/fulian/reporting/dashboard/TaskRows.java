package cn.fulian.reporting.dashboard;

import cn.fulian.reporting.dashboard.DashboardView.TaskRow;
import cn.fulian.reporting.period.ReportPeriod;
import cn.fulian.reporting.readmodel.HonourCounters;
import cn.fulian.reporting.readmodel.RightsCounters;
import cn.fulian.reporting.readmodel.TaskDoc;
import cn.fulian.reporting.readmodel.TaskUnitDoc;
import cn.fulian.reporting.readmodel.TaskUnitDoc.PeriodReport;
import cn.fulian.starter.scope.OrgPath;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Task rows of the units one dashboard shows, from their (year, task, unit) documents. The actual comes from the
 * task's source ({@link SourceActual}); where the source has recorded nothing, an approved report's value stands in,
 * and a ceiling, a rate or a reported figure with neither has no value: 无数据, excluded from scores and rankings, never
 * "met by default". Pure: everything it needs is read beforehand.
 *
 * @param tasks the year's tasks by id
 * @param start the first publication of the year (the pace of a task whose plan is not known yet)
 * @param today the day pace is counted up to
 * @param rights rights counters of the units shown, by unit path
 * @param honours honours counters of the units shown, by unit path
 * @param planUnitNames the name of each unit that has a plan among the tasks
 * @param planStarts the day each plan was published, by plan id
 */
record TaskRows(
        Map<String, TaskDoc> tasks,
        LocalDate start,
        LocalDate today,
        Map<String, RightsCounters> rights,
        Map<String, HonourCounters> honours,
        Map<String, String> planUnitNames,
        Map<String, LocalDate> planStarts) {

    static final Comparator<TaskRow> ORDER = Comparator.comparing(TaskRow::taskId);

    /** The rows of these documents that are shown, in task order. */
    List<TaskRow> rows(Collection<TaskUnitDoc> docs) {
        return docs.stream()
                .map(this::row)
                .filter(Objects::nonNull)
                .sorted(ORDER)
                .toList();
    }

    /**
     * The unit's own share of the tasks where it kept part of a count or amount (本级保留): the retained target against
     * the activities the unit recorded itself.
     */
    List<TaskRow> retainedShare(Collection<TaskUnitDoc> ownDocs) {
        TaskRows ownWorkOnly = new TaskRows(tasks, start, today, Map.of(), Map.of(), planUnitNames, planStarts);
        List<TaskRow> rows = new ArrayList<>();
        for (TaskUnitDoc d : ownDocs) {
            TaskDoc task = tasks.get(d.taskId());
            if (d.retained() == null || d.retained().signum() == 0 || task == null || !task.fedByActivities()) {
                continue;
            }
            TaskRow r = ownWorkOnly.row(d.retainedShare());
            if (r != null) {
                rows.add(r);
            }
        }
        rows.sort(ORDER);
        return rows;
    }

    /** The row of one document, or null for a cancelled task or assignment, or a task not known yet. */
    TaskRow row(TaskUnitDoc d) {
        TaskDoc task = tasks.get(d.taskId());
        if (task == null || task.cancelled() || d.cancelled()) {
            return null;
        }
        String unitPath = d.unitPath();
        String planUnitPath = task.planUnitPath();
        if (planUnitPath != null && !OrgPath.isAtOrBelow(unitPath, planUnitPath)) {
            // an ancestor of the plan's unit only holds roll-up counters of a task it neither set nor was given
            return null;
        }
        Latest reported = latest(d, false);
        Latest approved = latest(d, true);
        SourceActual.Measured measured = SourceActual.of(
                task,
                d,
                rights.getOrDefault(unitPath, RightsCounters.NONE),
                honours.getOrDefault(unitPath, HonourCounters.NONE),
                unitPath == null ? 1 : OrgPath.depthOf(unitPath));
        BigDecimal numerator = measured.numerator();
        BigDecimal denominator = measured.denominator();
        boolean rate = task.isRate();
        BigDecimal actual;
        if (!measured.hasData() && !measured.suppressed() && approved != null && approved.value() != null) {
            actual = approved.value(); // an approved report confirms what no source measured
            numerator = rate ? null : actual;
            denominator = null;
        } else if (!measured.hasData() && (task.isCeiling() || rate || task.reportedOnly() || measured.suppressed())) {
            actual = null;
        } else if (rate) {
            actual = denominator == null || denominator.signum() == 0 ? null : Pace.percent(numerator, denominator);
        } else {
            actual = numerator;
        }
        LocalDate due = d.dueDate() != null ? d.dueDate() : task.dueDate();
        LocalDate planStart = planStarts.getOrDefault(task.planId(), start);
        LocalDate from = due != null && planStart.isAfter(due) ? due : planStart;
        Pace.Figures pace = actual == null
                ? Pace.noData()
                : Pace.of(task.kind(), task.direction(), d.target(), actual, from, due, today);

        return new TaskRow(
                d.taskId(),
                task.workArea(),
                task.title(),
                task.indicatorName(),
                task.indicatorUnit(),
                task.kind(),
                task.direction(),
                d.assignmentId(),
                d.target(),
                actual,
                numerator,
                rate ? denominator : null,
                reported == null ? null : reported.value(),
                reported == null ? null : reported.period(),
                approved == null ? null : approved.value(),
                approved == null ? null : approved.period(),
                pace.completionPercent(),
                pace.expectedByNow(),
                pace.status(),
                pace.status().label(),
                pace.projected(),
                due,
                d.acknowledgedAt(),
                task.source(),
                planUnitPath,
                planUnitPath == null ? null : planUnitPath.equals(unitPath) ? TaskRow.OWN : TaskRow.ALLOCATED,
                planUnitPath == null ? null : planUnitNames.get(planUnitPath));
    }

    private record Latest(String period, BigDecimal value) {}

    /** The latest period's submitted (or approved) value; a returned report is not a reported value. */
    private static Latest latest(TaskUnitDoc d, boolean approvedOnly) {
        Latest best = null;
        ReportPeriod bestPeriod = null;
        for (Map.Entry<String, PeriodReport> e : d.reports().entrySet()) {
            PeriodReport r = e.getValue();
            if (!(approvedOnly ? r.approved() : r.submitted())) {
                continue;
            }
            ReportPeriod p = ReportPeriod.parseOrNull(e.getKey());
            if (p == null) {
                continue;
            }
            if (bestPeriod == null || p.compareTo(bestPeriod) > 0) {
                bestPeriod = p;
                best = new Latest(e.getKey(), approvedOnly ? r.approvedValue() : r.value());
            }
        }
        return best;
    }
}
