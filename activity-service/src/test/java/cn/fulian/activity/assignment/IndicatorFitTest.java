package cn.fulian.activity.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fulian.activity.catalogue.MetricDefinition;
import cn.fulian.activity.catalogue.Quantity;
import cn.fulian.starter.problem.FieldProblem;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class IndicatorFitTest {

    static final MetricDefinition WOMEN =
            new MetricDefinition("womenParticipants", "其中妇女人次", "人次", Quantity.PERSONS, true, "participants", 0L);
    static final MetricDefinition PARTICIPANTS =
            new MetricDefinition("participants", "参与人次", "人次", Quantity.PERSONS, true, null, 0L);
    static final MetricDefinition SESSIONS =
            new MetricDefinition("sessions", "期(场)数", "期", Quantity.SESSIONS, true, null, 0L);
    static final MetricDefinition LOAN =
            new MetricDefinition("loanAmount", "贷款金额", "万元", Quantity.MONEY_10K_YUAN, false, null, 0L);

    static AssignmentInfo indicator(String unit, String kind) {
        return new AssignmentInfo(
                "asg", "task", 2026, "350100", BigDecimal.TEN, false, true, "任务", "指标", unit, kind, null, null, null);
    }

    @Test
    void personsFeedAPersonIndicatorWhateverWordItUses() {
        assertThat(IndicatorFit.feeds(WOMEN, indicator("人", "COUNT"))).isTrue();
        assertThat(IndicatorFit.feeds(WOMEN, indicator("名", "COUNT"))).isTrue();
        assertThat(IndicatorFit.feeds(SESSIONS, indicator("人", "COUNT"))).isFalse();
    }

    @Test
    void sessionsFeedSessionIndicatorsAndMoneyFeedsMoney() {
        assertThat(IndicatorFit.feeds(SESSIONS, indicator("场", "COUNT"))).isTrue();
        assertThat(IndicatorFit.feeds(LOAN, indicator("万元", "AMOUNT"))).isTrue();
        assertThat(IndicatorFit.feeds(LOAN, indicator("元", "AMOUNT"))).isFalse();
        assertThat(IndicatorFit.feeds(PARTICIPANTS, indicator(null, "COUNT"))).isFalse();
    }

    @Test
    void aRateNeedsADenominatorOfTheSameKindAndOthersMustNotHaveOne() {
        assertThat(IndicatorFit.problem("links[0]", WOMEN, null, indicator("%", "RATE")))
                .map(FieldProblem::field)
                .contains("links[0].denominatorMetric");
        assertThat(IndicatorFit.problem("links[0]", WOMEN, SESSIONS, indicator("%", "RATE")))
                .isPresent();
        assertThat(IndicatorFit.problem("links[0]", WOMEN, PARTICIPANTS, indicator("%", "RATE")))
                .isEmpty();
        assertThat(IndicatorFit.problem("links[0]", WOMEN, PARTICIPANTS, indicator("人", "COUNT")))
                .map(FieldProblem::field)
                .contains("links[0].denominatorMetric");
    }
}
