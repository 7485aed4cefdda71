package cn.fulian.reporting.report;

import cn.fulian.events.reporting.ProgressReported;
import cn.fulian.events.reporting.ReportApproved;
import cn.fulian.events.reporting.ReportReturned;
import cn.fulian.reporting.period.ReportPeriod;
import cn.fulian.starter.outbox.AggregateRoot;
import cn.fulian.starter.problem.ConflictException;
import cn.fulian.starter.problem.InvalidFieldException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A unit's progress report (进度填报) for one assignment and period. The unit submits; its direct parent approves
 * (which locks it) or returns it with a reason; a returned report is corrected and submitted again, and every
 * submission stays in its history. Each action records its event in this document, published through the outbox.
 */
@Document("progress_reports")
@CompoundIndex(name = "unit_period", def = "{'unitPath': 1, 'period': 1}")
public class ProgressReport extends AggregateRoot {

    @Id
    private String id;

    private String assignmentId;
    private String taskId;
    private int year;
    private String unitPath;
    private String parentPath;
    private String period;
    private LocalDate dueDate;
    private ReportStatus status;
    private BigDecimal value;
    private Boolean onTime;
    private Instant firstSubmittedAt;
    private List<Submission> submissions = new ArrayList<>();

    ProgressReport() {}

    public static String idOf(String assignmentId, String period) {
        return "rpt-" + assignmentId + "-" + period;
    }

    static ProgressReport open(
            String assignmentId,
            String taskId,
            int year,
            String unitPath,
            String parentPath,
            ReportPeriod period,
            LocalDate dueDate) {
        ProgressReport r = new ProgressReport();
        r.id = idOf(assignmentId, period.id());
        r.assignmentId = assignmentId;
        r.taskId = taskId;
        r.year = year;
        r.unitPath = unitPath;
        r.parentPath = parentPath;
        r.period = period.id();
        r.dueDate = dueDate;
        return r;
    }

    /**
     * Submits (or, after a return, resubmits) the report. A value other than the live figure needs an explanation.
     * Timeliness is that of the first submission: a report returned for correction does not become late.
     */
    void submit(
            BigDecimal value,
            BigDecimal liveFigure,
            String explanation,
            String narrative,
            List<String> evidenceLinks,
            String by,
            Instant at,
            ZoneId zone) {
        if (status == ReportStatus.APPROVED) {
            throw new ConflictException("报告已审核通过并锁定,不能再修改 / the report is approved and locked");
        }
        if (status == ReportStatus.SUBMITTED) {
            throw new ConflictException("报告已提交,等待上级审核 / the report awaits review");
        }
        boolean corrected = liveFigure != null && value.compareTo(liveFigure) != 0;
        if (corrected && (explanation == null || explanation.isBlank())) {
            throw new InvalidFieldException(
                    "correctionExplanation",
                    "填报数与系统实时数(" + liveFigure.stripTrailingZeros().toPlainString() + ")不一致,请说明更正原因",
                    "the value differs from the live figure: explain the correction");
        }
        if (firstSubmittedAt == null) {
            firstSubmittedAt = at;
            onTime = !at.atZone(zone).toLocalDate().isAfter(dueDate);
        }
        this.value = value;
        this.status = ReportStatus.SUBMITTED;
        submissions.add(new Submission(
                value,
                liveFigure,
                corrected ? explanation.trim() : null,
                narrative,
                evidenceLinks == null ? List.of() : List.copyOf(evidenceLinks),
                by,
                at,
                null,
                null,
                null,
                null));
        record(new ProgressReported(id, assignmentId, taskId, unitPath, period, value, at, onTime), unitPath, at);
    }

    void approve(String by, Instant at) {
        requireAwaitingReview();
        status = ReportStatus.APPROVED;
        reviewLast(ReportStatus.APPROVED, by, at, null);
        record(new ReportApproved(id, assignmentId, taskId, unitPath, period, value, at), unitPath, at);
    }

    void returnForCorrection(String reason, String by, Instant at) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidFieldException("reason", "退回必须填写原因", "a return needs a reason");
        }
        requireAwaitingReview();
        status = ReportStatus.RETURNED;
        reviewLast(ReportStatus.RETURNED, by, at, reason.trim());
        record(new ReportReturned(id, assignmentId, taskId, unitPath, period, reason.trim(), at), unitPath, at);
    }

    private void requireAwaitingReview() {
        if (status == ReportStatus.APPROVED) {
            throw new ConflictException("报告已审核通过并锁定 / the report is already approved and locked");
        }
        if (status != ReportStatus.SUBMITTED) {
            throw new ConflictException("报告未提交,无法审核 / the report has not been submitted");
        }
    }

    private void reviewLast(ReportStatus outcome, String by, Instant at, String reason) {
        int last = submissions.size() - 1;
        submissions.set(last, submissions.get(last).reviewed(outcome, by, at, reason));
    }

    @Override
    protected String aggregateId() {
        return id;
    }

    public String id() {
        return id;
    }

    public String assignmentId() {
        return assignmentId;
    }

    public String taskId() {
        return taskId;
    }

    public int year() {
        return year;
    }

    public String unitPath() {
        return unitPath;
    }

    public String period() {
        return period;
    }

    public LocalDate dueDate() {
        return dueDate;
    }

    public ReportStatus status() {
        return status;
    }

    public BigDecimal value() {
        return value;
    }

    public Boolean onTime() {
        return onTime;
    }

    public List<Submission> submissions() {
        return List.copyOf(submissions);
    }
}
