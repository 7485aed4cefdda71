package cn.fulian.reporting.readmodel;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * One task at one unit in one year ({@link ReadModel#TASK_UNITS}): the unit's target, the live actual of its subtree
 * and of its own activities, the share it kept itself, its reports by period and the completeness counters of its
 * subtree. Figures absent from the document are null: nothing was ever counted there.
 *
 * @param actual the activities counted in the unit's subtree (the numerator of a rate)
 * @param actualDenominator the denominators counted with them, for a rate
 * @param ownActual the activities the unit recorded itself, measured against {@code retained} (本级保留)
 * @param childUnits the child units that hold a document of the same task
 * @param expectedReports active assignments in the subtree that owe reports to a parent
 */
public record TaskUnitDoc(
        String id,
        int year,
        String taskId,
        String unitPath,
        String assignmentId,
        String parentAssignmentId,
        BigDecimal target,
        BigDecimal retained,
        BigDecimal actual,
        BigDecimal actualDenominator,
        BigDecimal ownActual,
        LocalDate dueDate,
        Instant acknowledgedAt,
        boolean cancelled,
        List<String> childUnits,
        long expectedReports,
        Map<String, PeriodCounts> reportCounts,
        Map<String, PeriodReport> reports) {

    /** Reports of one period in the unit's subtree: submitted (awaiting review or approved), on time, approved. */
    public record PeriodCounts(long submitted, long onTime, long approved) {

        static PeriodCounts of(Document d) {
            return new PeriodCounts(Docs.count(d, "submitted"), Docs.count(d, "onTime"), Docs.count(d, "approved"));
        }
    }

    /** The unit's own report of one period: its state, the value submitted, the value approved. */
    public record PeriodReport(String status, BigDecimal value, BigDecimal approvedValue) {

        static PeriodReport of(Document d) {
            return new PeriodReport(
                    d.getString("status"), Fixed.read(d.get("value")), Fixed.read(d.get("approvedValue")));
        }

        /** Submitted or approved: a figure the unit stands by (a returned report is not). */
        public boolean submitted() {
            return "SUBMITTED".equals(status) || "APPROVED".equals(status);
        }

        public boolean approved() {
            return "APPROVED".equals(status);
        }
    }

    static TaskUnitDoc of(Document d) {
        return new TaskUnitDoc(
                d.getString("_id"),
                Docs.integer(d, "year"),
                d.getString("taskId"),
                d.getString("unitPath"),
                d.getString("assignmentId"),
                d.getString("parentAssignmentId"),
                Fixed.read(d.get("target")),
                Fixed.read(d.get("retained")),
                Fixed.read(d.get("actual")),
                Fixed.read(d.get("actualDen")),
                Fixed.read(d.get("ownActual")),
                Docs.day(d, "dueDate"),
                Docs.instant(d, "acknowledgedAt"),
                Boolean.TRUE.equals(d.getBoolean("cancelled")),
                Docs.strings(d, ReadModel.CHILD_UNITS),
                Docs.count(d, ReadModel.EXPECTED_REPORTS),
                Docs.each(d, ReadModel.REPORT_COUNTS, PeriodCounts::of),
                Docs.each(d, "reports", PeriodReport::of));
    }

    /**
     * What the unit's document says of each child's document of the same task ({@link ReadModel#CHILD_FIGURES}): the
     * fields a child's row shows, by the child's path. Counters and offsets of the children are not there.
     */
    static Map<String, TaskUnitDoc> childFiguresOf(Document d) {
        Map<String, TaskUnitDoc> out = new LinkedHashMap<>();
        if (!(d.get(ReadModel.CHILD_FIGURES) instanceof Document children)) {
            return out;
        }
        int year = Docs.integer(d, "year");
        String taskId = d.getString("taskId");
        String unitPath = d.getString("unitPath");
        for (Map.Entry<String, Object> e : children.entrySet()) {
            Document c = (Document) e.getValue();
            String path = unitPath + "/" + e.getKey(); // a child's path: its parent's and its own code
            out.put(
                    path,
                    new TaskUnitDoc(
                            ReadModel.taskUnitId(year, taskId, path),
                            year,
                            taskId,
                            path,
                            c.getString("assignmentId"),
                            null,
                            Fixed.read(c.get("target")),
                            null,
                            Fixed.read(c.get("actual")),
                            Fixed.read(c.get("actualDen")),
                            null,
                            Docs.day(c, "dueDate"),
                            Docs.instant(c, "acknowledgedAt"),
                            Boolean.TRUE.equals(c.getBoolean("cancelled")),
                            List.of(),
                            0,
                            Map.of(),
                            Docs.each(c, "reports", PeriodReport::of)));
        }
        return out;
    }

    /**
     * The unit's own share (本级保留) as a row of its own: the retained target against the activities the unit recorded
     * itself, without the subtree's reports.
     */
    public TaskUnitDoc retainedShare() {
        return new TaskUnitDoc(
                id,
                year,
                taskId,
                unitPath,
                assignmentId,
                parentAssignmentId,
                retained,
                retained,
                ownActual,
                null,
                ownActual,
                dueDate,
                acknowledgedAt,
                cancelled,
                childUnits,
                expectedReports,
                reportCounts,
                Map.of());
    }
}
