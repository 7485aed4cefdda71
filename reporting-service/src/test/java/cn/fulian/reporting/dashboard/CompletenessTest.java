package cn.fulian.reporting.dashboard;

import static cn.fulian.reporting.support.Docs.taskUnit;
import static org.assertj.core.api.Assertions.assertThat;

import cn.fulian.reporting.dashboard.DashboardView.PeriodCompleteness;
import cn.fulian.reporting.period.ReportSchedule;
import cn.fulian.reporting.readmodel.TaskDoc;
import cn.fulian.reporting.readmodel.TaskUnitDoc.PeriodCounts;
import cn.fulian.reporting.support.Docs;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompletenessTest {

    private static TaskDoc task(String id, boolean cancelled) {
        return Docs.task(id, "350100", "培训", "开展家庭教育培训", "AT_LEAST", "100", cancelled);
    }

    @Test
    void eachBegunPeriodCountsTheReportsOwedSubmittedOnTimeAndApprovedOfTheUnitsTasks() {
        List<PeriodCompleteness> periods = Completeness.of(
                ReportSchedule.defaultFor(2030),
                LocalDate.of(2030, 5, 10),
                List.of(
                        taskUnit("t1", "350100", 4, Map.of("2030-Q1", new PeriodCounts(3, 2, 1))),
                        taskUnit("t2", "350100", 4, Map.of("2030-Q1", new PeriodCounts(1, 1, 1)))),
                Map.of("t1", task("t1", false), "t2", task("t2", false)));

        assertThat(periods).extracting(PeriodCompleteness::period).containsExactly("2030-Q1", "2030-Q2");
        PeriodCompleteness q1 = periods.get(0);
        assertThat(q1.expected()).isEqualTo(8);
        assertThat(q1.submitted()).isEqualTo(4);
        assertThat(q1.onTime()).isEqualTo(3);
        assertThat(q1.approved()).isEqualTo(2);
        assertThat(q1.completenessPercent()).isEqualByComparingTo("50.0");
        assertThat(q1.timelinessPercent()).isEqualByComparingTo("37.5");
        assertThat(periods.get(1).submitted()).isZero();
    }

    @Test
    void aCancelledTaskOwesNothingAndAUnitOwedNothingHasNoPercentages() {
        TaskDoc cancelled = task("t1", true);
        List<PeriodCompleteness> periods = Completeness.of(
                ReportSchedule.defaultFor(2030),
                LocalDate.of(2030, 2, 1),
                List.of(taskUnit("t1", "350100", 4, Map.of("2030-Q1", new PeriodCounts(3, 2, 1)))),
                Map.of("t1", cancelled));

        assertThat(periods).hasSize(1);
        assertThat(periods.get(0).expected()).isZero();
        assertThat(periods.get(0).submitted()).isZero();
        assertThat(periods.get(0).completenessPercent()).isNull();
    }
}
