package cn.fulian.reporting.export;

import cn.fulian.reporting.dashboard.DashboardService;
import cn.fulian.reporting.readmodel.AssignmentDoc;
import cn.fulian.reporting.readmodel.ReadModelReads;
import cn.fulian.reporting.readmodel.TaskDoc;
import cn.fulian.starter.scope.OrgPath;
import cn.fulian.starter.scope.OrgScope;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;

/**
 * The allocation/acknowledgement ledger of the caller's subtree for a year, read from the read model one task at a
 * time: a task's assignments are found down its tree of (year, task, unit) documents from the caller's unit, by key,
 * so even the whole city's year (hundreds of thousands of rows) is never held at once.
 */
@Service
public class LedgerService {

    private final ReadModelReads reads;
    private final DashboardService dashboards;

    LedgerService(ReadModelReads reads, DashboardService dashboards) {
        this.reads = reads;
        this.dashboards = dashboards;
    }

    /** Every assignment of the year at the caller's unit or below, by task then unit. */
    public List<LedgerRow> ledger(OrgScope scope, int year) {
        List<LedgerRow> rows = new ArrayList<>();
        ledger(scope, year, rows::add);
        return rows;
    }

    /** Hands over every assignment of the year at the caller's unit or below, by task then unit, one at a time. */
    public void ledger(OrgScope scope, int year, Consumer<LedgerRow> to) {
        for (TaskDoc task : new TreeMap<>(reads.tasks(year)).values()) {
            Map<String, AssignmentDoc> byUnit = new TreeMap<>();
            for (AssignmentDoc a : reads.assignmentsDown(year, task.id(), scope.unit())) {
                byUnit.put(a.unitPath(), a);
            }
            byUnit.values().forEach(a -> to.accept(row(a, task)));
        }
    }

    private LedgerRow row(AssignmentDoc a, TaskDoc task) {
        OrgPath unit = OrgPath.of(a.unitPath());
        String status;
        if (a.cancelled() || task.cancelled()) {
            status = "已取消";
        } else if (a.acknowledgedAt() != null) {
            status = "REQUESTED".equals(a.extension()) ? "已签收（申请延期）" : "已签收";
        } else {
            status = "待签收";
        }
        LocalDate due = a.dueDate() != null ? a.dueDate() : task.dueDate();
        return new LedgerRow(
                a.id(),
                unit.value(),
                dashboards.ref(unit).name(),
                task.id(),
                task.workArea(),
                task.title(),
                task.indicatorUnit(),
                a.target(),
                due,
                status,
                a.acknowledgedAt(),
                a.reminders());
    }
}
