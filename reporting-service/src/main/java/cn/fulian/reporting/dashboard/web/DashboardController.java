package cn.fulian.reporting.dashboard.web;

import cn.fulian.reporting.dashboard.DashboardService;
import cn.fulian.reporting.dashboard.DashboardView;
import cn.fulian.starter.scope.OrgScope;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The cross-level dashboard of one unit and year. */
@RestController
@RequestMapping("/api/reports")
class DashboardController {

    private final DashboardService dashboards;

    DashboardController(DashboardService dashboards) {
        this.dashboards = dashboards;
    }

    @Operation(summary = "统计看板: the unit's tasks, a summary per child unit, rankings, rights KPIs, report completeness")
    @GetMapping("/dashboard")
    DashboardView dashboard(
            OrgScope scope, @RequestParam(required = false) String unit, @RequestParam(required = false) Integer year) {
        return dashboards.dashboard(scope, unit, year);
    }

    @Operation(summary = "一个单位的任务明细: the unit's own task rows (the full rows of a child the dashboard summarises)")
    @GetMapping("/dashboard/rows")
    DashboardView.UnitRows rows(
            OrgScope scope, @RequestParam(required = false) String unit, @RequestParam(required = false) Integer year) {
        return dashboards.rows(scope, unit, year);
    }
}
