package cn.fulian.reporting.export;

import cn.fulian.reporting.dashboard.DashboardService;
import cn.fulian.reporting.dashboard.DashboardView;
import cn.fulian.reporting.dashboard.DashboardView.ChildSummary;
import cn.fulian.reporting.dashboard.DashboardView.TaskRow;
import cn.fulian.reporting.snapshot.FrozenDashboard;
import cn.fulian.reporting.snapshot.SnapshotService;
import cn.fulian.starter.scope.OrgPath;
import cn.fulian.starter.scope.OrgScope;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/** Builds the downloads from the same read-model figures the dashboard answers with. */
@Service
public class ExportService {

    private final DashboardService dashboards;
    private final SnapshotService snapshots;
    private final LedgerService ledger;
    private final CjkFont font;
    private final Clock clock;

    ExportService(
            DashboardService dashboards, SnapshotService snapshots, LedgerService ledger, CjkFont font, Clock clock) {
        this.dashboards = dashboards;
        this.snapshots = snapshots;
        this.ledger = ledger;
        this.font = font;
        this.clock = clock;
    }

    public Download dashboardWorkbook(OrgScope scope, String unit, Integer year) {
        DashboardService.WithChildRows read = dashboards.withChildRows(scope, unit, year);
        DashboardView d = read.view();
        Map<String, List<TaskRow>> childRows = new LinkedHashMap<>();
        read.children().forEach(c -> childRows.put(c.unit().path(), c.tasks()));
        return new Download(
                Workbooks.dashboard(d, childRows, clock.getZone()),
                Download.XLSX,
                d.unit().name() + d.year() + "年统计看板.xlsx");
    }

    /** The dashboard as it stood at the deadline of period {@code asOf}; the live one when {@code asOf} is absent. */
    public Download dashboardWorkbook(OrgScope scope, String unit, Integer year, String asOf) {
        if (asOf == null) {
            return dashboardWorkbook(scope, unit, year);
        }
        FrozenDashboard f = snapshots.frozen(scope, unit, year, asOf);
        DashboardView d = f.dashboard();
        // each child's rows as they stood at the same deadline: every unit's dashboard was frozen then
        Map<String, List<TaskRow>> childRows = new LinkedHashMap<>();
        for (ChildSummary c : d.children()) {
            snapshots
                    .frozenIfTaken(OrgPath.of(c.unit().path()), d.year(), asOf)
                    .ifPresent(child ->
                            childRows.put(c.unit().path(), child.dashboard().tasks()));
        }
        return new Download(
                Workbooks.dashboard(d, childRows, clock.getZone()),
                Download.XLSX,
                d.unit().name() + d.year() + "年统计看板(截至" + f.snapshot().label() + "报送截止).xlsx");
    }

    public Download ledgerWorkbook(OrgScope scope, Integer yearParam) {
        int year = dashboards.yearOr(yearParam);
        String name = dashboards.ref(scope.unit()).name();
        return new Download(
                Workbooks.ledger(to -> ledger.ledger(scope, year, to), clock.getZone()),
                Download.XLSX,
                name + year + "年任务分解台账.xlsx");
    }

    public Download rankingBulletin(OrgScope scope, String unit, Integer year) {
        DashboardView d = dashboards.dashboard(scope, unit, year);
        return new Download(
                RankingBulletin.render(d, font.bytes(), LocalDate.now(clock)),
                Download.PDF,
                d.unit().name() + d.year() + "年排名通报.pdf");
    }
}
