package cn.fulian.reporting.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fulian.reporting.dashboard.DashboardView.TaskRow;
import cn.fulian.reporting.readmodel.TaskDoc;
import cn.fulian.reporting.readmodel.TaskUnitDoc;
import cn.fulian.reporting.readmodel.TaskUnitDoc.PeriodCounts;
import cn.fulian.reporting.readmodel.TaskUnitDoc.PeriodReport;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TaskRowsTest {

    private static final LocalDate PUBLISHED = LocalDate.of(2030, 1, 1);
    private static final LocalDate JULY = LocalDate.of(2030, 7, 2);

    @Test
    void anActivityTaskCountsItsSubtreesActualAgainstTheTargetAndItsPace() {
        TaskRow row = rows(task("t1")).row(actual(taskUnit("t1", "350100/350102", 0, Map.of()), "60"));

        assertThat(row.actual()).isEqualByComparingTo("60");
        assertThat(row.completionPercent()).isEqualByComparingTo("60.0");
        assertThat(row.paceStatus()).isEqualTo(PaceStatus.GREEN);
        assertThat(row.source()).isEqualTo("ACTIVITY");
        assertThat(row.origin()).isEqualTo(TaskRow.ALLOCATED);
        assertThat(row.planUnitName()).isEqualTo("福州市");
    }

    @Test
    void anApprovedReportStandsInWhereNoActivityWasCountedButASubmittedOneDoesNot() {
        TaskUnitDoc submitted = reported(taskUnit("t1", "350100/350102", 0, Map.of()), "SUBMITTED", "30", null);
        TaskUnitDoc approved = reported(taskUnit("t1", "350100/350102", 0, Map.of()), "APPROVED", "30", "25");

        TaskRow onlySubmitted = rows(task("t1")).row(submitted);
        TaskRow confirmed = rows(task("t1")).row(approved);

        assertThat(onlySubmitted.reported()).isEqualByComparingTo("30");
        assertThat(onlySubmitted.actual()).isEqualByComparingTo("0");
        assertThat(confirmed.actual()).isEqualByComparingTo("25");
        assertThat(confirmed.approvedPeriod()).isEqualTo("2030-Q2");
    }

    @Test
    void aCeilingWithNothingRecordedHasNoValueRatherThanBeingMetByDefault() {
        TaskDoc ceiling = new TaskDoc(
                "t1",
                "p1",
                "350100",
                2030,
                "维权",
                "家暴案件发生数",
                LocalDate.of(2030, 12, 31),
                "案件数",
                "件",
                "COUNT",
                "AT_MOST",
                BigDecimal.TEN,
                null,
                null,
                null,
                null,
                null,
                null,
                false);

        TaskRow row = rows(ceiling).row(taskUnit("t1", "350100", 0, Map.of()));

        assertThat(row.actual()).isNull();
        assertThat(row.paceStatus()).isEqualTo(PaceStatus.NO_DATA);
    }

    @Test
    void anAncestorOfThePlansUnitShowsNoRowAndACancelledTaskNone() {
        TaskDoc districtsOwn = new TaskDoc(
                "t2",
                "p2",
                "350100/350102",
                2030,
                "培训",
                "鼓楼区自定任务",
                LocalDate.of(2030, 12, 31),
                "场次",
                "场",
                "COUNT",
                "AT_LEAST",
                BigDecimal.TEN,
                null,
                null,
                null,
                null,
                null,
                null,
                false);
        TaskRows rows = rows(districtsOwn);

        assertThat(rows.row(taskUnit("t2", "350100", 0, Map.of()))).isNull();
        assertThat(rows.row(taskUnit("t2", "350100/350102", 0, Map.of())).origin())
                .isEqualTo(TaskRow.OWN);
        assertThat(rows(cancelled(task("t1"))).row(taskUnit("t1", "350100", 0, Map.of())))
                .isNull();
    }

    @Test
    void theRetainedShareMeasuresTheUnitsOwnActivitiesAgainstWhatItKept() {
        TaskUnitDoc d = new TaskUnitDoc(
                "2030|t1|350100/350102",
                2030,
                "t1",
                "350100/350102",
                "a1",
                "a0",
                new BigDecimal("100"),
                new BigDecimal("20"),
                new BigDecimal("70"),
                null,
                new BigDecimal("15"),
                null,
                null,
                false,
                List.of(),
                0,
                Map.of(),
                Map.of());

        List<TaskRow> share = rows(task("t1")).retainedShare(List.of(d));

        assertThat(share).hasSize(1);
        assertThat(share.get(0).target()).isEqualByComparingTo("20");
        assertThat(share.get(0).actual()).isEqualByComparingTo("15");
        assertThat(share.get(0).completionPercent()).isEqualByComparingTo("75.0");
    }

    private static TaskRows rows(TaskDoc task) {
        return new TaskRows(
                Map.of(task.id(), task),
                PUBLISHED,
                JULY,
                Map.of(),
                Map.of(),
                Map.of("350100", "福州市", "350100/350102", "鼓楼区"),
                Map.of(task.planId(), PUBLISHED));
    }

    static TaskDoc task(String id) {
        return new TaskDoc(
                id,
                "p1",
                "350100",
                2030,
                "培训",
                "开展家庭教育培训",
                LocalDate.of(2030, 12, 31),
                "培训场次",
                "场",
                "COUNT",
                "AT_LEAST",
                new BigDecimal("100"),
                null,
                null,
                null,
                null,
                null,
                null,
                false);
    }

    static TaskDoc cancelled(TaskDoc t) {
        return new TaskDoc(
                t.id(),
                t.planId(),
                t.planUnitPath(),
                t.year(),
                t.workArea(),
                t.title(),
                t.dueDate(),
                t.indicatorName(),
                t.indicatorUnit(),
                t.kind(),
                t.direction(),
                t.target(),
                t.sourceKind(),
                t.sourceMetric(),
                t.rightsKpi(),
                t.rightsCategory(),
                t.honourFigure(),
                t.honourKind(),
                true);
    }

    /** The unit's document of a task with a target of 100 and nothing counted yet. */
    static TaskUnitDoc taskUnit(String taskId, String unit, long expected, Map<String, PeriodCounts> counts) {
        return new TaskUnitDoc(
                "2030|" + taskId + "|" + unit,
                2030,
                taskId,
                unit,
                "a-" + taskId,
                "a-parent",
                new BigDecimal("100"),
                null,
                null,
                null,
                null,
                null,
                null,
                false,
                List.of(),
                expected,
                counts,
                Map.of());
    }

    private static TaskUnitDoc actual(TaskUnitDoc d, String actual) {
        return new TaskUnitDoc(
                d.id(),
                d.year(),
                d.taskId(),
                d.unitPath(),
                d.assignmentId(),
                d.parentAssignmentId(),
                d.target(),
                d.retained(),
                new BigDecimal(actual),
                null,
                null,
                d.dueDate(),
                d.acknowledgedAt(),
                d.cancelled(),
                d.childUnits(),
                d.expectedReports(),
                d.reportCounts(),
                d.reports());
    }

    private static TaskUnitDoc reported(TaskUnitDoc d, String status, String value, String approvedValue) {
        return new TaskUnitDoc(
                d.id(),
                d.year(),
                d.taskId(),
                d.unitPath(),
                d.assignmentId(),
                d.parentAssignmentId(),
                d.target(),
                d.retained(),
                d.actual(),
                null,
                null,
                d.dueDate(),
                d.acknowledgedAt(),
                d.cancelled(),
                d.childUnits(),
                d.expectedReports(),
                d.reportCounts(),
                Map.of(
                        "2030-Q2",
                        new PeriodReport(
                                status,
                                new BigDecimal(value),
                                approvedValue == null ? null : new BigDecimal(approvedValue))));
    }
}
