package cn.fulian.reporting.report.web;

import cn.fulian.reporting.period.ReportPeriod;
import cn.fulian.reporting.report.ProgressReport;
import cn.fulian.reporting.report.Submission;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A progress report with its history of submissions and reviews. */
record ReportView(
        String id,
        String assignmentId,
        String taskId,
        String taskTitle,
        String unitPath,
        String unitName,
        String period,
        String periodLabel,
        LocalDate dueDate,
        String status,
        String statusLabel,
        BigDecimal value,
        Boolean onTime,
        boolean locked,
        List<Submission> submissions,
        Long version) {

    static ReportView of(ProgressReport r, String unitName, String taskTitle) {
        return new ReportView(
                r.id(),
                r.assignmentId(),
                r.taskId(),
                taskTitle,
                r.unitPath(),
                unitName,
                r.period(),
                ReportPeriod.parse(r.period()).label(),
                r.dueDate(),
                r.status() == null ? null : r.status().name(),
                r.status() == null ? null : r.status().label(),
                r.value(),
                r.onTime(),
                r.status() == cn.fulian.reporting.report.ReportStatus.APPROVED,
                r.submissions(),
                r.version());
    }
}
