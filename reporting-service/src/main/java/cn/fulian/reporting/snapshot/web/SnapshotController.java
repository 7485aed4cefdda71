package cn.fulian.reporting.snapshot.web;

import cn.fulian.reporting.snapshot.FrozenDashboard;
import cn.fulian.reporting.snapshot.SnapshotInfo;
import cn.fulian.reporting.snapshot.SnapshotService;
import cn.fulian.starter.scope.OrgScope;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The dashboard as it stood at a past reporting deadline, and the list of a year's deadline snapshots. */
@RestController
@RequestMapping("/api/reports/dashboard")
class SnapshotController {

    private final SnapshotService snapshots;

    SnapshotController(SnapshotService snapshots) {
        this.snapshots = snapshots;
    }

    /** Chosen over the live dashboard whenever {@code asOf} is given. */
    @Operation(summary = "统计看板(截至某期报送截止时): the dashboard frozen at the deadline of period asOf, e.g. 2026-Q1")
    @GetMapping(params = "asOf")
    FrozenDashboard asOf(
            OrgScope scope,
            @RequestParam(required = false) String unit,
            @RequestParam(required = false) Integer year,
            @RequestParam String asOf) {
        return snapshots.frozen(scope, unit, year, asOf);
    }

    @Operation(summary = "看板快照: each passed deadline of the year, when its dashboards were frozen, late or missing")
    @GetMapping("/snapshots")
    List<SnapshotInfo> list(@RequestParam(required = false) Integer year) {
        return snapshots.list(year);
    }
}
