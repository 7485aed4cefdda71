package cn.fulian.reporting.dashboard;

import static cn.fulian.reporting.support.Docs.task;
import static cn.fulian.reporting.support.Docs.taskUnit;
import static cn.fulian.reporting.support.Docs.withFigures;
import static cn.fulian.reporting.support.Docs.withReport;
import static org.assertj.core.api.Assertions.assertThat;

import cn.fulian.reporting.dashboard.DashboardView.TaskRow;
import cn.fulian.reporting.readmodel.TaskDoc;
import cn.fulian.reporting.readmodel.TaskUnitDoc;
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
        TaskRow row = rows(cityTask()).row(withFigures(taskUnit("t1", "350100/350102", 0, Map.of()), "60", null, null));

        assertThat(row.actual()).isEqualByComparingTo("60");
        assertThat(row.completionPercent()).isEqualByComparingTo("60.0");
        assertThat(row.paceStatus()).isEqualTo(PaceStatus.GREEN);
        assertThat(row.source()).isEqualTo("ACTIVITY");
        assertThat(row.origin()).isEqualTo(TaskRow.ALLOCATED);
        assertThat(row.planUnitName()).isEqualTo("福州市");
    }

    @Test
    void anApprovedReportStandsInWhereNoActivityWasCountedButASubmittedOneDoesNot() {
        TaskUnitDoc gulou = taskUnit("t1", "350100/350102", 0, Map.of());
        TaskRow onlySubmitted = rows(cityTask())
                .row(withReport(gulou, "2030-Q2", new PeriodReport("SUBMITTED", new BigDecimal("30"), null)));
        TaskRow confirmed = rows(cityTask())
                .row(withReport(
                        gulou, "2030-Q2", new PeriodReport("APPROVED", new BigDecimal("30"), new BigDecimal("25"))));

        assertThat(onlySubmitted.reported()).isEqualByComparingTo("30");
        assertThat(onlySubmitted.actual()).isEqualByComparingTo("0");
        assertThat(confirmed.actual()).isEqualByComparingTo("25");
        assertThat(confirmed.approvedPeriod()).isEqualTo("2030-Q2");
    }

    @Test
    void aCeilingWithNothingRecordedHasNoValueRatherThanBeingMetByDefault() {
        TaskRow row = rows(task("t1", "350100", "培训", "家暴案件发生数", "AT_MOST", "10", false))
                .row(taskUnit("t1", "350100", 0, Map.of()));

        assertThat(row.actual()).isNull();
        assertThat(row.paceStatus()).isEqualTo(PaceStatus.NO_DATA);
    }

    @Test
    void anAncestorOfThePlansUnitShowsNoRowAndACancelledTaskNone() {
        TaskRows rows = rows(task("t2", "350100/350102", "培训", "鼓楼区自定任务", "AT_LEAST", "10", false));

        assertThat(rows.row(taskUnit("t2", "350100", 0, Map.of()))).isNull();
        assertThat(rows.row(taskUnit("t2", "350100/350102", 0, Map.of())).origin())
                .isEqualTo(TaskRow.OWN);
        assertThat(rows(task("t1", "350100", "培训", "开展家庭教育培训", "AT_LEAST", "100", true))
                        .row(taskUnit("t1", "350100", 0, Map.of())))
                .isNull();
    }

    @Test
    void theRetainedShareMeasuresTheUnitsOwnActivitiesAgainstWhatItKept() {
        TaskUnitDoc gulou = withFigures(taskUnit("t1", "350100/350102", 0, Map.of()), "70", "20", "15");

        List<TaskRow> share = rows(cityTask()).retainedShare(List.of(gulou));

        assertThat(share).hasSize(1);
        assertThat(share.get(0).target()).isEqualByComparingTo("20");
        assertThat(share.get(0).actual()).isEqualByComparingTo("15");
        assertThat(share.get(0).completionPercent()).isEqualByComparingTo("75.0");
    }

    private static TaskDoc cityTask() {
        return task("t1", "350100", "培训", "开展家庭教育培训", "AT_LEAST", "100", false);
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
}
