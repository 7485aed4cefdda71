package cn.fulian.reporting.summary.web;

import cn.fulian.reporting.summary.SummaryDraft;
import cn.fulian.reporting.summary.SummaryExport;
import cn.fulian.reporting.summary.SummaryService;
import cn.fulian.reporting.web.Downloads;
import cn.fulian.starter.scope.OrgScope;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 年度工作总结: the draft as JSON, and the (edited) draft as a Word document or a PDF. */
@RestController
@RequestMapping("/api/reports/summary")
class SummaryController {

    private final SummaryService summaries;
    private final SummaryExport export;

    SummaryController(SummaryService summaries, SummaryExport export) {
        this.summaries = summaries;
        this.export = export;
    }

    @Operation(summary = "年度工作总结草稿: sections by work area, every figure with its source (APPROVED or RECORDED)")
    @GetMapping
    SummaryDraft draft(
            OrgScope scope, @RequestParam(required = false) String unit, @RequestParam(required = false) Integer year) {
        return summaries.draft(scope, unit, year);
    }

    @Operation(summary = "年度工作总结导出 (.docx) from the draft as edited by the caller")
    @PostMapping("/export.docx")
    ResponseEntity<byte[]> docx(@Valid @RequestBody SummaryDraft draft) {
        return Downloads.of(
                export.docx(draft), SummaryExport.DOCX, draft.title().strip() + ".docx");
    }

    @Operation(summary = "年度工作总结导出 (.pdf, A4) from the draft as edited by the caller")
    @PostMapping("/export.pdf")
    ResponseEntity<byte[]> pdf(@Valid @RequestBody SummaryDraft draft) {
        return Downloads.of(export.pdf(draft), SummaryExport.PDF, draft.title().strip() + ".pdf");
    }
}
