package cn.fulian.reporting.export.web;

import cn.fulian.reporting.export.Download;
import cn.fulian.reporting.export.ExportService;
import cn.fulian.reporting.web.Downloads;
import cn.fulian.starter.scope.OrgScope;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Downloads: the dashboard and the allocation ledger as Excel, the ranking bulletin as PDF. */
@RestController
@RequestMapping("/api/reports/exports")
class ExportController {

    private final ExportService exports;

    ExportController(ExportService exports) {
        this.exports = exports;
    }

    @Operation(summary = "统计看板导出 (.xlsx): 任务完成情况, 下级单位, 维权指标, 报送情况; with asOf, as frozen at that period's deadline")
    @GetMapping("/dashboard.xlsx")
    ResponseEntity<byte[]> dashboard(
            OrgScope scope,
            @RequestParam(required = false) String unit,
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String asOf) {
        return send(exports.dashboardWorkbook(scope, unit, year, asOf));
    }

    @Operation(summary = "任务分解台账导出 (.xlsx): every assignment of the year in the caller's subtree")
    @GetMapping("/ledger.xlsx")
    ResponseEntity<byte[]> ledger(OrgScope scope, @RequestParam(required = false) Integer year) {
        return send(exports.ledgerWorkbook(scope, year));
    }

    @Operation(summary = "排名通报 (.pdf): the unit's direct children ranked by completion")
    @GetMapping("/ranking.pdf")
    ResponseEntity<byte[]> ranking(
            OrgScope scope, @RequestParam(required = false) String unit, @RequestParam(required = false) Integer year) {
        return send(exports.rankingBulletin(scope, unit, year));
    }

    private static ResponseEntity<byte[]> send(Download d) {
        return Downloads.of(d.bytes(), d.mediaType(), d.fileName());
    }
}
