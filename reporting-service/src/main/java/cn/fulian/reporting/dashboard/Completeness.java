package cn.fulian.reporting.dashboard;

import cn.fulian.reporting.dashboard.DashboardView.PeriodCompleteness;
import cn.fulian.reporting.period.ReportPeriod;
import cn.fulian.reporting.period.ReportSchedule;
import cn.fulian.reporting.readmodel.TaskDoc;
import cn.fulian.reporting.readmodel.TaskUnitDoc;
import cn.fulian.reporting.readmodel.TaskUnitDoc.PeriodCounts;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * 填报情况: for each period of the year that has begun, the reports owed in a unit's subtree (every active assignment
 * that has a parent to report to), submitted (awaiting review or approved), on time, approved. The counters were moved
 * on the unit's (year, task, unit) documents as assignments and reports changed; a cancelled task counts nothing.
 */
final class Completeness {

    private Completeness() {}

    static List<PeriodCompleteness> of(
            ReportSchedule schedule, LocalDate today, List<TaskUnitDoc> ownDocs, Map<String, TaskDoc> tasks) {
        List<TaskUnitDoc> counted = ownDocs.stream()
                .filter(d -> {
                    TaskDoc task = tasks.get(d.taskId());
                    return task == null || !task.cancelled();
                })
                .toList();
        long expected = counted.stream().mapToLong(TaskUnitDoc::expectedReports).sum();
        List<PeriodCompleteness> out = new ArrayList<>();
        for (ReportPeriod p : schedule.periods()) {
            if (p.start().isAfter(today)) {
                break;
            }
            long submitted = 0;
            long onTime = 0;
            long approved = 0;
            for (TaskUnitDoc d : counted) {
                PeriodCounts c = d.reportCounts().get(p.id());
                if (c != null) {
                    submitted += c.submitted();
                    onTime += c.onTime();
                    approved += c.approved();
                }
            }
            out.add(new PeriodCompleteness(
                    p.id(),
                    p.label() + schedule.frequency().label(),
                    schedule.dueDate(p),
                    expected,
                    submitted,
                    onTime,
                    approved,
                    expected == 0 ? null : percent(submitted, expected),
                    expected == 0 ? null : percent(onTime, expected)));
        }
        return out;
    }

    private static BigDecimal percent(long part, long whole) {
        return Pace.percent(BigDecimal.valueOf(part), BigDecimal.valueOf(whole));
    }
}
