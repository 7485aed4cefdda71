package cn.fulian.reporting.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.fulian.events.reporting.ProgressReported;
import cn.fulian.events.reporting.ReportApproved;
import cn.fulian.events.reporting.ReportReturned;
import cn.fulian.reporting.period.ReportPeriod;
import cn.fulian.starter.outbox.OutboxEntry;
import cn.fulian.starter.problem.ConflictException;
import cn.fulian.starter.problem.InvalidFieldException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The review rules of a progress report, without Spring. */
class ProgressReportTest {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    static final Instant ON_TIME = Instant.parse("2026-04-03T02:00:00Z");
    static final Instant LATE = Instant.parse("2026-04-08T02:00:00Z");

    ProgressReport report() {
        return ProgressReport.open(
                "asg-1",
                "task-1",
                2026,
                "350100/350102",
                "350100",
                ReportPeriod.parse("2026-Q1"),
                LocalDate.of(2026, 4, 5));
    }

    @Test
    void aValueOtherThanTheLiveFigureNeedsAnExplanation() {
        ProgressReport r = report();
        assertThatThrownBy(() -> r.submit(BigDecimal.TEN, BigDecimal.ONE, " ", null, null, "u", ON_TIME, BEIJING))
                .isInstanceOf(InvalidFieldException.class)
                .satisfies(e -> assertThat(((InvalidFieldException) e).field()).isEqualTo("correctionExplanation"));

        r.submit(BigDecimal.TEN, BigDecimal.ONE, "台账补录", null, null, "u", ON_TIME, BEIJING);

        assertThat(r.status()).isEqualTo(ReportStatus.SUBMITTED);
        assertThat(r.submissions().get(0).correctionExplanation()).isEqualTo("台账补录");
        assertThat(types(r)).containsExactly(ProgressReported.TYPE);
    }

    @Test
    void aReturnNeedsAReasonAndTheResubmissionKeepsHistoryAndTimeliness() {
        ProgressReport r = report();
        r.submit(BigDecimal.ONE, BigDecimal.ONE, null, "一季度", List.of(), "u", ON_TIME, BEIJING);
        assertThatThrownBy(() -> r.returnForCorrection("  ", "parent", ON_TIME))
                .isInstanceOf(InvalidFieldException.class);

        r.returnForCorrection("数字有误", "parent", ON_TIME);
        r.submit(BigDecimal.valueOf(2), BigDecimal.ONE, "更正", null, null, "u", LATE, BEIJING);

        assertThat(r.submissions()).hasSize(2);
        assertThat(r.submissions().get(0).outcome()).isEqualTo(ReportStatus.RETURNED);
        assertThat(r.submissions().get(0).returnReason()).isEqualTo("数字有误");
        assertThat(r.onTime()).isTrue();
        assertThat(types(r)).containsExactly(ProgressReported.TYPE, ReportReturned.TYPE, ProgressReported.TYPE);
    }

    @Test
    void approvalLocksTheReport() {
        ProgressReport r = report();
        r.submit(BigDecimal.ONE, BigDecimal.ONE, null, null, null, "u", LATE, BEIJING);
        r.approve("parent", LATE);

        assertThat(r.onTime()).isFalse();
        assertThatThrownBy(() -> r.approve("parent", LATE)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> r.returnForCorrection("再看看", "parent", LATE)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() ->
                        r.submit(BigDecimal.valueOf(2), BigDecimal.valueOf(2), null, null, null, "u", LATE, BEIJING))
                .isInstanceOf(ConflictException.class);
        assertThat(types(r)).containsExactly(ProgressReported.TYPE, ReportApproved.TYPE);
    }

    @Test
    void periodsParseTheirIdsAndDueDatesFollowTheGraceDays() {
        ReportPeriod q4 = ReportPeriod.parse("2026-Q4");
        assertThat(q4.end()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(q4.dueDate(5)).isEqualTo(LocalDate.of(2027, 1, 5));
        assertThat(q4.label()).isEqualTo("2026年第四季度");
        assertThat(ReportPeriod.parse("2026-M02").end()).isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(ReportPeriod.parse("2026-H1").compareTo(ReportPeriod.parse("2026-Q1")))
                .isPositive();
        assertThat(ReportPeriod.isValid("2026-Q5")).isFalse();
        assertThat(ReportPeriod.isValid("2026-M13")).isFalse();
    }

    private static List<String> types(ProgressReport r) {
        return r.pendingEvents().stream().map(OutboxEntry::type).toList();
    }
}
