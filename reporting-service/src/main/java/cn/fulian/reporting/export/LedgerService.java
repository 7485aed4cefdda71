package cn.fulian.reporting.export;

import cn.fulian.reporting.dashboard.DashboardService;
import cn.fulian.reporting.readmodel.Fixed;
import cn.fulian.reporting.readmodel.ReadModel;
import cn.fulian.starter.scope.OrgPath;
import cn.fulian.starter.scope.OrgScope;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** The allocation/acknowledgement ledger of the caller's subtree for a year, read from the read model. */
@Service
public class LedgerService {

    private final MongoTemplate mongo;
    private final DashboardService dashboards;

    LedgerService(MongoTemplate mongo, DashboardService dashboards) {
        this.mongo = mongo;
        this.dashboards = dashboards;
    }

    /** Every assignment of the year at the caller's unit or below, by task then unit. */
    public List<LedgerRow> ledger(OrgScope scope, int year) {
        Map<String, Document> tasks = dashboards.tasks(year);
        Query query = Query.query(Criteria.where("year")
                .is(year)
                .and("unitPath")
                .regex(scope.subtreeRegex())
                .and("taskId")
                .ne(null));
        return mongo.find(query, Document.class, ReadModel.ASSIGNMENTS).stream()
                .filter(a -> tasks.containsKey(a.getString("taskId")))
                .map(a -> row(a, tasks.get(a.getString("taskId"))))
                .sorted(Comparator.comparing(LedgerRow::taskId).thenComparing(LedgerRow::unitPath))
                .toList();
    }

    private LedgerRow row(Document a, Document task) {
        OrgPath unit = OrgPath.of(a.getString("unitPath"));
        boolean cancelled =
                Boolean.TRUE.equals(a.getBoolean("cancelled")) || Boolean.TRUE.equals(task.getBoolean("cancelled"));
        Date acknowledged = a.get("acknowledgedAt") instanceof Date d ? d : null;
        String status;
        if (cancelled) {
            status = "已取消";
        } else if (acknowledged != null) {
            status = "REQUESTED".equals(a.getString("extension")) ? "已签收（申请延期）" : "已签收";
        } else {
            status = "待签收";
        }
        String due = a.getString("dueDate") != null ? a.getString("dueDate") : task.getString("dueDate");
        return new LedgerRow(
                a.getString("_id"),
                unit.value(),
                dashboards.ref(unit).name(),
                a.getString("taskId"),
                task.getString("workArea"),
                task.getString("title"),
                task.getString("indicatorUnit"),
                Fixed.read(a.get("target")),
                due == null ? null : LocalDate.parse(due),
                status,
                acknowledged == null ? null : acknowledged.toInstant(),
                a.get("reminders") instanceof Number n ? n.longValue() : 0L);
    }
}
