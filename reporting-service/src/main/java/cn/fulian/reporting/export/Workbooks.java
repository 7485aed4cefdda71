package cn.fulian.reporting.export;

import cn.fulian.reporting.dashboard.DashboardView;
import cn.fulian.reporting.dashboard.DashboardView.ChildSummary;
import cn.fulian.reporting.dashboard.DashboardView.PeriodCompleteness;
import cn.fulian.reporting.dashboard.DashboardView.RankingRow;
import cn.fulian.reporting.dashboard.DashboardView.RightsKpis;
import cn.fulian.reporting.dashboard.DashboardView.TaskRow;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Sheet;

/** The dashboard's tables and the ledger as .xlsx workbooks, with Chinese sheet names and headers. */
final class Workbooks {

    static final String TASKS = "任务完成情况";
    static final String CHILDREN = "下级单位";
    static final String RIGHTS = "维权指标";
    static final String REPORTING = "报送情况";
    static final String LEDGER = "任务分解台账";

    private Workbooks() {}

    /**
     * @param childRows the rows of each child the dashboard summarises, by unit path (a child without any is listed
     *     with its score only)
     */
    static byte[] dashboard(DashboardView d, Map<String, List<TaskRow>> childRows, ZoneId zone) {
        try (Sheets book = new Sheets()) {
            Sheet tasks = book.sheet(
                    TASKS,
                    List.of(
                            "工作领域", "任务", "指标", "计量单位", "目标值", "实际完成", "上报值", "上报期次", "审核确认值", "审核期次", "完成率(%)",
                            "序时应完成", "红黄绿灯", "年末预计", "截止日期", "签收时间", "任务来源"));
            for (TaskRow r : d.tasks()) {
                Sheets.append(
                        tasks,
                        r.workArea(),
                        r.title(),
                        r.indicatorName(),
                        r.indicatorUnit(),
                        r.target(),
                        r.actual(),
                        r.reported(),
                        r.reportedPeriod(),
                        r.approved(),
                        r.approvedPeriod(),
                        r.completionPercent(),
                        r.expectedByNow(),
                        r.paceLabel(),
                        r.projected(),
                        r.dueDate() == null ? null : r.dueDate().toString(),
                        r.acknowledgedAt() == null
                                ? null
                                : r.acknowledgedAt().atZone(zone).toLocalDate().toString(),
                        r.originLabel());
            }

            Sheet children = book.sheet(
                    CHILDREN,
                    List.of(
                            "排名",
                            "单位",
                            "单位编码",
                            "综合完成率(%)",
                            "绿灯",
                            "黄灯",
                            "红灯",
                            "逾期",
                            "任务",
                            "目标值",
                            "实际完成",
                            "上报值",
                            "审核确认值",
                            "完成率(%)",
                            "红黄绿灯",
                            "任务来源"));
            Map<String, RankingRow> ranks =
                    d.rankings().stream().collect(Collectors.toMap(r -> r.unit().path(), Function.identity()));
            List<ChildSummary> ordered = new ArrayList<>(d.children());
            ordered.sort((a, b) -> Integer.compare(rankOf(ranks, a), rankOf(ranks, b)));
            for (ChildSummary c : ordered) {
                List<TaskRow> rows = childRows.getOrDefault(c.unit().path(), List.of());
                RankingRow rank = ranks.get(c.unit().path());
                Object[] head = {
                    rank == null ? null : rank.rank(),
                    c.unit().name(),
                    c.unit().path(),
                    c.score(),
                    rank == null ? null : rank.green(),
                    rank == null ? null : rank.yellow(),
                    rank == null ? null : rank.red(),
                    rank == null ? null : rank.overdue()
                };
                if (rows.isEmpty()) {
                    Sheets.append(children, head);
                }
                for (TaskRow r : rows) {
                    Object[] row = new Object[16];
                    System.arraycopy(head, 0, row, 0, head.length);
                    row[8] = r.title();
                    row[9] = r.target();
                    row[10] = r.actual();
                    row[11] = r.reported();
                    row[12] = r.approved();
                    row[13] = r.completionPercent();
                    row[14] = r.paceLabel();
                    row[15] = r.originLabel();
                    Sheets.append(children, row);
                }
            }

            Sheet rights = book.sheet(
                    RIGHTS,
                    List.of(
                            "单位",
                            "单位编码",
                            "受理",
                            "办结",
                            "按时办结",
                            "逾期",
                            "重新办理",
                            "办结率(%)",
                            "按时办结率(%)",
                            "回访",
                            "满意度(1-5)",
                            "满意率(%)"));
            List<RightsKpis> allRights = new ArrayList<>();
            allRights.add(d.rights());
            allRights.addAll(d.childRights());
            for (RightsKpis k : allRights) {
                Sheets.append(
                        rights,
                        k.unit().name(),
                        k.unit().path(),
                        k.received(),
                        k.closed(),
                        k.closedOnTime(),
                        k.overdue(),
                        k.reopened(),
                        k.closureRate(),
                        k.onTimeRate(),
                        k.followUps(),
                        k.satisfaction(),
                        k.satisfiedRate());
            }

            Sheet reporting =
                    book.sheet(REPORTING, List.of("期次", "名称", "截止日期", "应报", "已报", "按时报送", "已审核", "报送率(%)", "及时率(%)"));
            for (PeriodCompleteness p : d.reporting()) {
                Sheets.append(
                        reporting,
                        p.period(),
                        p.label(),
                        p.dueDate() == null ? null : p.dueDate().toString(),
                        p.expected(),
                        p.submitted(),
                        p.onTime(),
                        p.approved(),
                        p.completenessPercent(),
                        p.timelinessPercent());
            }
            return book.bytes();
        }
    }

    private static int rankOf(Map<String, RankingRow> ranks, ChildSummary c) {
        RankingRow r = ranks.get(c.unit().path());
        return r == null ? Integer.MAX_VALUE : r.rank();
    }

    /** @param rows hands the ledger's rows over one at a time */
    static byte[] ledger(Consumer<Consumer<LedgerRow>> rows, ZoneId zone) {
        try (Sheets book = new Sheets()) {
            Sheet sheet = book.sheet(
                    LEDGER,
                    List.of("单位", "单位编码", "工作领域", "任务", "任务编号", "分解目标", "计量单位", "截止日期", "签收状态", "签收时间", "催办次数"));
            rows.accept(r -> Sheets.append(
                    sheet,
                    r.unitName(),
                    r.unitPath(),
                    r.workArea(),
                    r.taskTitle(),
                    r.taskId(),
                    r.target(),
                    r.indicatorUnit(),
                    r.dueDate() == null ? null : r.dueDate().toString(),
                    r.status(),
                    r.acknowledgedAt() == null
                            ? null
                            : r.acknowledgedAt().atZone(zone).toLocalDate().toString(),
                    r.reminders()));
            return book.bytes();
        }
    }
}
