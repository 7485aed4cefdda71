package cn.fulian.reporting.report;

import cn.fulian.reporting.config.ReportingProperties;
import cn.fulian.reporting.dashboard.Pace;
import cn.fulian.reporting.period.ReportPeriod;
import cn.fulian.reporting.period.ReportSchedule;
import cn.fulian.reporting.period.ScheduleService;
import cn.fulian.reporting.readmodel.AssignmentDoc;
import cn.fulian.reporting.readmodel.ReadModelReads;
import cn.fulian.reporting.readmodel.TaskDoc;
import cn.fulian.reporting.readmodel.TaskUnitDoc;
import cn.fulian.starter.problem.ConflictException;
import cn.fulian.starter.problem.ForbiddenException;
import cn.fulian.starter.problem.InvalidFieldException;
import cn.fulian.starter.problem.NotFoundException;
import cn.fulian.starter.scope.OrgPath;
import cn.fulian.starter.scope.OrgScope;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** Progress reports: the pre-filled form, submission, review by the direct parent, lists, and what is still owed. */
@Service
public class ReportService {

    /** What the form needs: the assignment, the period, the live figure and the report so far (if any). */
    public record Form(
            AssignmentRef assignment,
            String period,
            String periodLabel,
            LocalDate dueDate,
            BigDecimal liveFigure,
            ProgressReport report) {}

    /** An assignment as the read model knows it, joined with its task. */
    public record AssignmentRef(
            String assignmentId,
            String taskId,
            int year,
            String unitPath,
            String parentAssignmentId,
            String taskTitle,
            String indicatorName,
            String indicatorUnit,
            String kind,
            BigDecimal target,
            boolean cancelled) {}

    /** A report the unit owes for a period: never submitted (MISSING) or returned and not yet resubmitted. */
    public record Owed(
            String assignmentId,
            String taskId,
            String taskTitle,
            String unitPath,
            String period,
            LocalDate dueDate,
            String state,
            boolean overdue) {}

    /** The submitted content of a report. */
    public record SubmitInput(
            BigDecimal value, String correctionExplanation, String narrative, List<String> evidenceLinks) {}

    private final ProgressReportRepository reports;
    private final ScheduleService schedules;
    private final MongoTemplate mongo;
    private final ReadModelReads reads;
    private final Clock clock;
    private final ZoneId zone;

    ReportService(
            ProgressReportRepository reports,
            ScheduleService schedules,
            MongoTemplate mongo,
            ReadModelReads reads,
            Clock clock,
            ReportingProperties properties) {
        this.reports = reports;
        this.schedules = schedules;
        this.mongo = mongo;
        this.reads = reads;
        this.clock = clock;
        this.zone = ZoneId.of(properties.zone());
    }

    public Form form(OrgScope scope, String assignmentId, String period) {
        AssignmentRef a = visibleAssignment(scope, assignmentId);
        ReportPeriod p = periodOf(a, period);
        return new Form(
                a,
                p.id(),
                p.label(),
                schedules.of(a.year()).dueDate(p),
                liveFigure(a),
                reports.findById(ProgressReport.idOf(a.assignmentId(), p.id())).orElse(null));
    }

    public ProgressReport submit(OrgScope scope, String assignmentId, String period, SubmitInput input) {
        AssignmentRef a = visibleAssignment(scope, assignmentId);
        requireStaff(scope);
        if (!scope.isOwnUnit(OrgPath.of(a.unitPath()))) {
            throw new ForbiddenException("只能填报本单位的任务进度 / only the assigned unit reports its progress");
        }
        if (a.parentAssignmentId() == null) {
            throw new ConflictException("本级下达的任务无需向上级填报 / the plan's own unit reports to no one");
        }
        if (a.cancelled()) {
            throw new ConflictException("该任务已取消,无需填报 / the assignment was cancelled");
        }
        if (input.value() == null || input.value().signum() < 0) {
            throw new InvalidFieldException("value", "请填写不小于0的完成数", "value must be zero or more");
        }
        ReportPeriod p = periodOf(a, period);
        LocalDate due = schedules.of(a.year()).dueDate(p);
        OrgPath unit = OrgPath.of(a.unitPath());
        ProgressReport report = reports.findById(ProgressReport.idOf(a.assignmentId(), p.id()))
                .orElseGet(() -> ProgressReport.open(
                        a.assignmentId(),
                        a.taskId(),
                        a.year(),
                        a.unitPath(),
                        unit.parent().value(),
                        p,
                        due));
        report.submit(
                input.value(),
                liveFigure(a),
                input.correctionExplanation(),
                input.narrative(),
                input.evidenceLinks(),
                scope.username(),
                clock.instant(),
                zone);
        return reports.save(report);
    }

    public ProgressReport approve(OrgScope scope, String reportId) {
        ProgressReport report = reviewable(scope, reportId);
        report.approve(scope.username(), clock.instant());
        return reports.save(report);
    }

    public ProgressReport returnForCorrection(OrgScope scope, String reportId, String reason) {
        ProgressReport report = reviewable(scope, reportId);
        report.returnForCorrection(reason, scope.username(), clock.instant());
        return reports.save(report);
    }

    public ProgressReport get(OrgScope scope, String reportId) {
        return reports.findById(reportId)
                .filter(r -> scope.canSee(OrgPath.of(r.unitPath())))
                .orElseThrow(() -> new NotFoundException("填报 / report " + reportId));
    }

    /** Reports in the caller's subtree, filtered by unit (and its subtree), period and status. */
    public Page<ProgressReport> list(
            OrgScope scope, String unit, String period, ReportStatus status, PageRequest page) {
        return list(scope, unit, true, period, status, page);
    }

    /** As {@link #list(OrgScope, String, String, ReportStatus, PageRequest)}; without the subtree only the unit's own. */
    public Page<ProgressReport> list(
            OrgScope scope, String unit, boolean subtree, String period, ReportStatus status, PageRequest page) {
        OrgPath root = scope.unitOrOwn(unit);
        Criteria c = subtree
                ? Criteria.where("unitPath").regex(root.subtreeRegex())
                : Criteria.where("unitPath").is(root.value());
        if (period != null && !period.isBlank()) {
            c = c.and("period").is(period);
        }
        if (status != null) {
            c = c.and("status").is(status);
        }
        Query q = Query.query(c);
        long total = mongo.count(q, ProgressReport.class);
        List<ProgressReport> items = mongo.find(
                Query.query(c).with(page.withSort(Sort.by("period", "unitPath", "taskId"))), ProgressReport.class);
        return new PageImpl<>(items, page, total);
    }

    /**
     * 催报: reports owed in the unit's subtree for every period that has ended by today (or the one asked for), not
     * submitted or returned and not resubmitted; overdue when past its due date.
     */
    public Page<Owed> owed(OrgScope scope, String unit, Integer year, String period, PageRequest page) {
        return owed(scope, unit, true, year, period, null, page);
    }

    /**
     * As {@link #owed(OrgScope, String, Integer, String, PageRequest)}; without the subtree only what the unit itself
     * owes, and with a state only MISSING (never submitted) or RETURNED ones.
     */
    public Page<Owed> owed(
            OrgScope scope,
            String unit,
            boolean subtree,
            Integer year,
            String period,
            String onlyState,
            PageRequest page) {
        OrgPath root = scope.unitOrOwn(unit);
        if (onlyState != null
                && !onlyState.isBlank()
                && !"MISSING".equals(onlyState)
                && !"RETURNED".equals(onlyState)) {
            throw new InvalidFieldException("state", "待报状态只能是未报(MISSING)或退回(RETURNED)", "state is MISSING or RETURNED");
        }
        String unitRegex = subtree ? root.subtreeRegex() : "^" + root.value() + "$";
        int y = year != null ? year : LocalDate.now(clock).getYear();
        if (y < 2000 || y > 2100) {
            throw new InvalidFieldException("year", "年度不正确", "year out of range");
        }
        ReportSchedule schedule = schedules.of(y);
        LocalDate today = LocalDate.now(clock);
        List<ReportPeriod> periods;
        if (period != null && !period.isBlank()) {
            if (!ReportPeriod.isValid(period) || !schedule.includes(ReportPeriod.parse(period))) {
                throw new InvalidFieldException("period", "填报周期不正确", "not a reporting period of the year");
            }
            periods = List.of(ReportPeriod.parse(period));
        } else {
            periods = schedule.periods().stream()
                    .filter(p -> !p.end().isAfter(today))
                    .toList();
        }
        Map<String, TaskDoc> tasks = reads.tasks(y);
        List<AssignmentDoc> assignments = reads.reportingAssignments(y, unitRegex);
        Map<String, ReportStatus> state = new HashMap<>();
        mongo.find(Query.query(Criteria.where("year").is(y).and("unitPath").regex(unitRegex)), ProgressReport.class)
                .forEach(r -> state.put(r.id(), r.status()));
        List<Owed> owed = new ArrayList<>();
        for (ReportPeriod p : periods) {
            LocalDate due = schedule.dueDate(p);
            for (AssignmentDoc a : assignments) {
                TaskDoc task = tasks.get(a.taskId());
                if (task != null && task.cancelled()) {
                    continue;
                }
                ReportStatus s = state.get(ProgressReport.idOf(a.id(), p.id()));
                if (s == ReportStatus.SUBMITTED || s == ReportStatus.APPROVED) {
                    continue;
                }
                String owedState = s == null ? "MISSING" : s.name();
                if (onlyState != null && !onlyState.isBlank() && !onlyState.equals(owedState)) {
                    continue;
                }
                owed.add(new Owed(
                        a.id(),
                        a.taskId(),
                        task == null ? null : task.title(),
                        a.unitPath(),
                        p.id(),
                        due,
                        owedState,
                        today.isAfter(due)));
            }
        }
        owed.sort(Comparator.comparing(Owed::dueDate)
                .thenComparing(Owed::unitPath)
                .thenComparing(Owed::taskId));
        int from = (int) Math.min(page.getOffset(), owed.size());
        int to = Math.min(from + page.getPageSize(), owed.size());
        return new PageImpl<>(owed.subList(from, to), page, owed.size());
    }

    /** The titles of these tasks as the read model knows them, by task id. */
    public Map<String, String> taskTitles(java.util.Collection<String> taskIds) {
        Map<String, String> titles = new HashMap<>();
        reads.tasks(taskIds).forEach((id, t) -> titles.put(id, t.title()));
        return titles;
    }

    private ProgressReport reviewable(OrgScope scope, String reportId) {
        ProgressReport report = get(scope, reportId);
        requireStaff(scope);
        if (!scope.isParentOf(OrgPath.of(report.unitPath()))) {
            throw new ForbiddenException("只有直接上级单位可以审核 / only the direct parent unit reviews a report");
        }
        return report;
    }

    private static void requireStaff(OrgScope scope) {
        scope.requireStaff("只读账号不能填报或审核 / read-only accounts cannot report or review");
    }

    private ReportPeriod periodOf(AssignmentRef a, String period) {
        if (!ReportPeriod.isValid(period)) {
            throw new InvalidFieldException("period", "填报周期格式不正确(如2026-Q1)", "period must look like 2026-Q1");
        }
        ReportPeriod p = ReportPeriod.parse(period);
        if (!schedules.of(a.year()).includes(p)) {
            throw new InvalidFieldException(
                    "period",
                    "该周期不在" + a.year() + "年度的填报安排中("
                            + schedules.of(a.year()).frequency().label() + ")",
                    "the period is not in the year's reporting schedule");
        }
        return p;
    }

    private AssignmentRef visibleAssignment(OrgScope scope, String assignmentId) {
        AssignmentDoc a = Optional.ofNullable(assignmentId)
                .flatMap(reads::assignment)
                .filter(found -> scope.canSee(OrgPath.of(found.unitPath())))
                .orElseThrow(() -> new NotFoundException("任务分配 / assignment " + assignmentId));
        Optional<TaskDoc> task = reads.task(a.taskId());
        return new AssignmentRef(
                a.id(),
                a.taskId(),
                a.year(),
                a.unitPath(),
                a.parentAssignmentId(),
                task.map(TaskDoc::title).orElse(null),
                task.map(TaskDoc::indicatorName).orElse(null),
                task.map(TaskDoc::indicatorUnit).orElse(null),
                task.map(TaskDoc::kind).orElse(null),
                a.target(),
                a.cancelled() || task.map(TaskDoc::cancelled).orElse(false));
    }

    /** The live figure of the unit's subtree for the task: a sum, or for a rate the rate in percent. */
    BigDecimal liveFigure(AssignmentRef a) {
        Optional<TaskUnitDoc> d = reads.taskUnit(a.year(), a.taskId(), a.unitPath());
        BigDecimal num = d.map(TaskUnitDoc::actual).orElse(BigDecimal.ZERO);
        if ("RATE".equals(a.kind())) {
            BigDecimal den = d.map(TaskUnitDoc::actualDenominator).orElse(null);
            return den == null || den.signum() == 0 ? null : Pace.percent(num, den);
        }
        return num;
    }
}
