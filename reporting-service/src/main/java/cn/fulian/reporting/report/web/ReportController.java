package cn.fulian.reporting.report.web;

import cn.fulian.reporting.period.Frequency;
import cn.fulian.reporting.period.ReportPeriod;
import cn.fulian.reporting.period.ReportSchedule;
import cn.fulian.reporting.period.ScheduleService;
import cn.fulian.reporting.report.ProgressReport;
import cn.fulian.reporting.report.ReportService;
import cn.fulian.reporting.report.ReportService.Form;
import cn.fulian.reporting.report.ReportService.Owed;
import cn.fulian.reporting.report.ReportService.SubmitInput;
import cn.fulian.reporting.report.ReportStatus;
import cn.fulian.starter.orgunit.OrgUnitDirectory;
import cn.fulian.starter.scope.OrgPath;
import cn.fulian.starter.scope.OrgScope;
import cn.fulian.starter.web.PageView;
import cn.fulian.starter.web.Paging;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.data.domain.Page;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 进度填报: the pre-filled form, submission, review by the parent unit, lists, 催报, and the schedule. */
@RestController
@RequestMapping("/api/reports")
class ReportController {

    @Schema(
            example = "{\"assignmentId\":\"asg-task-2026-07-350102\",\"period\":\"2026-Q1\",\"value\":12,"
                    + "\"correctionExplanation\":\"含3月31日活动,系统尚未录入\",\"narrative\":\"一季度完成……\","
                    + "\"evidenceLinks\":[\"https://example.org/evidence/1\"]}")
    record SubmitRequest(
            @NotBlank String assignmentId,
            @NotBlank String period,
            @NotNull @DecimalMin("0") BigDecimal value,
            @Size(max = 1000) String correctionExplanation,
            @Size(max = 5000) String narrative,
            @Size(max = 20) List<@NotBlank @Size(max = 500) String> evidenceLinks) {}

    record ReturnRequest(
            @NotBlank(message = "退回必须填写原因|a return needs a reason") @Size(max = 1000)
            String reason) {}

    record ScheduleRequest(
            @NotNull Frequency frequency, @Min(0) @Max(60) int graceDays) {}

    private final ReportService reports;
    private final ScheduleService schedules;
    private final OrgUnitDirectory directory;

    ReportController(ReportService reports, ScheduleService schedules, OrgUnitDirectory directory) {
        this.reports = reports;
        this.schedules = schedules;
        this.directory = directory;
    }

    /** The form pre-filled with the live figure of the unit's activities. */
    @GetMapping("/progress-reports/form")
    Form form(OrgScope scope, @RequestParam String assignmentId, @RequestParam String period) {
        return reports.form(scope, assignmentId, period);
    }

    @PostMapping("/progress-reports")
    ReportView submit(OrgScope scope, @Valid @RequestBody SubmitRequest body) {
        return view(reports.submit(
                scope,
                body.assignmentId(),
                body.period(),
                new SubmitInput(body.value(), body.correctionExplanation(), body.narrative(), body.evidenceLinks())));
    }

    @GetMapping("/progress-reports")
    PageView<ReportView> list(
            OrgScope scope,
            @RequestParam(required = false) String unit,
            @RequestParam(defaultValue = "true") boolean subtree,
            @RequestParam(required = false) String period,
            @RequestParam(required = false) ReportStatus status,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        Page<ProgressReport> found = reports.list(scope, unit, subtree, period, status, Paging.request(page, size));
        Map<String, String> titles = reports.taskTitles(found.getContent().stream()
                .map(ProgressReport::taskId)
                .filter(java.util.Objects::nonNull)
                .collect(Collectors.toSet()));
        return PageView.of(found, r -> view(r, titles.get(r.taskId())));
    }

    /** 催报: reports owed and not submitted (or returned and not resubmitted). */
    @GetMapping("/progress-reports/owed")
    PageView<OwedView> owed(
            OrgScope scope,
            @RequestParam(required = false) String unit,
            @RequestParam(defaultValue = "true") boolean subtree,
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String period,
            @RequestParam(required = false) String state,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return PageView.of(
                reports.owed(scope, unit, subtree, year, period, state, Paging.request(page, size)),
                o -> OwedView.of(o, directory.nameOf(OrgPath.of(o.unitPath()))));
    }

    /** A report owed, with the unit's name and the period's label, so that rows of different units never look alike. */
    record OwedView(
            String assignmentId,
            String taskId,
            String taskTitle,
            String unitPath,
            String unitName,
            String period,
            String periodLabel,
            LocalDate dueDate,
            String state,
            boolean overdue) {

        static OwedView of(Owed o, String unitName) {
            return new OwedView(
                    o.assignmentId(),
                    o.taskId(),
                    o.taskTitle(),
                    o.unitPath(),
                    unitName,
                    o.period(),
                    ReportPeriod.parse(o.period()).label(),
                    o.dueDate(),
                    o.state(),
                    o.overdue());
        }
    }

    @GetMapping("/progress-reports/{id}")
    ReportView get(OrgScope scope, @PathVariable String id) {
        return view(reports.get(scope, id));
    }

    @PostMapping("/progress-reports/{id}/approve")
    ReportView approve(OrgScope scope, @PathVariable String id) {
        return view(reports.approve(scope, id));
    }

    @PostMapping("/progress-reports/{id}/return")
    ReportView returnForCorrection(OrgScope scope, @PathVariable String id, @Valid @RequestBody ReturnRequest body) {
        return view(reports.returnForCorrection(scope, id, body.reason()));
    }

    @GetMapping("/schedules/{year}")
    ReportSchedule schedule(@PathVariable int year) {
        return schedules.of(year);
    }

    @PutMapping("/schedules/{year}")
    ReportSchedule setSchedule(OrgScope scope, @PathVariable int year, @Valid @RequestBody ScheduleRequest body) {
        return schedules.set(scope, year, body.frequency(), body.graceDays());
    }

    private ReportView view(ProgressReport r) {
        return view(
                r,
                r.taskId() == null
                        ? null
                        : reports.taskTitles(List.of(r.taskId())).get(r.taskId()));
    }

    private ReportView view(ProgressReport r, String taskTitle) {
        return ReportView.of(r, directory.nameOf(OrgPath.of(r.unitPath())), taskTitle);
    }
}
