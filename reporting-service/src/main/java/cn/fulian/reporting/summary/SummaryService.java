package cn.fulian.reporting.summary;

import cn.fulian.reporting.dashboard.DashboardService;
import cn.fulian.reporting.dashboard.DashboardView;
import cn.fulian.reporting.readmodel.TaskDoc;
import cn.fulian.reporting.summary.SummaryWriter.PlannedTask;
import cn.fulian.starter.scope.OrgPath;
import cn.fulian.starter.scope.OrgScope;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * The annual summary draft of a unit in the caller's scope: the dashboard's figures of the year, written up by
 * {@link SummaryWriter}, with next year's plan as far as it has been published (the service learns plans only from
 * their events, so before next year's plan is out the draft has no 明年工作思路).
 */
@Service
public class SummaryService {

    private final DashboardService dashboards;

    SummaryService(DashboardService dashboards) {
        this.dashboards = dashboards;
    }

    public SummaryDraft draft(OrgScope scope, String unitParam, Integer yearParam) {
        DashboardView d = dashboards.dashboard(scope, unitParam, yearParam);
        return SummaryWriter.write(
                d.unit().name(),
                d.year(),
                d.today(),
                d.tasks(),
                d.rights(),
                nextYear(OrgPath.of(d.unit().path()), d.year()));
    }

    /**
     * Next year's published tasks that reach the unit (its own plan's and its ancestors'; never another unit's own
     * plan) and are not cancelled, in plan order (by task id, as the dashboard orders them).
     */
    private List<PlannedTask> nextYear(OrgPath unit, int year) {
        return dashboards.tasks(year + 1).values().stream()
                .filter(t -> !t.cancelled())
                .filter(t -> reaches(t.planUnitPath(), unit))
                .sorted(Comparator.comparing((TaskDoc t) -> String.valueOf(t.id())))
                .map(t -> new PlannedTask(t.workArea(), t.title()))
                .toList();
    }

    /** A task of a plan at or above the unit (a task read before plans named their unit is the city's). */
    private static boolean reaches(String planUnitPath, OrgPath unit) {
        return planUnitPath == null || (OrgPath.isValid(planUnitPath) && unit.isAtOrBelow(OrgPath.of(planUnitPath)));
    }
}
