package cn.fulian.planning.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import cn.fulian.events.planning.IndicatorSource;
import cn.fulian.starter.problem.InvalidFieldException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class SourceFitTest {

    private static Indicator indicator(String name, String unit, IndicatorKind kind, IndicatorSource source) {
        boolean rate = kind == IndicatorKind.RATE;
        return new Indicator(
                name,
                unit,
                kind,
                Direction.AT_LEAST,
                BigDecimal.valueOf(rate ? 98 : 100),
                rate ? "分子" : null,
                rate ? "分母" : null,
                source);
    }

    private static InvalidFieldException refusal(Indicator indicator) {
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(
                () -> PlanContent.validate(indicator, "tasks[3].indicator."));
        assertThat(t).isInstanceOf(InvalidFieldException.class);
        return (InvalidFieldException) t;
    }

    @Test
    void jobsOfferedFeedAJobsTaskWhateverItsUnitWordIs() {
        assertThatCode(() -> PlanContent.validate(
                        indicator("提供岗位", "个", IndicatorKind.COUNT, IndicatorSource.activity("jobsOffered", null)),
                        "tasks[0].indicator."))
                .doesNotThrowAnyException();
        assertThatCode(() -> PlanContent.validate(
                        indicator("提供就业岗位", "件", IndicatorKind.COUNT, IndicatorSource.activity("jobsOffered", null)),
                        "tasks[0].indicator."))
                .doesNotThrowAnyException();
    }

    @Test
    void aMetricThatDoesNotMeasureTheIndicatorIsRefusedNamingBoth() {
        InvalidFieldException e =
                refusal(indicator("贴息贷款金额", "万元", IndicatorKind.AMOUNT, IndicatorSource.activity("jobsOffered", null)));
        assertThat(e.field()).isEqualTo("tasks[3].indicator.source.metric");
        assertThat(e.messageZh()).contains("提供岗位", "贴息贷款金额");

        InvalidFieldException money =
                refusal(indicator("扶持妇女", "名", IndicatorKind.COUNT, IndicatorSource.activity("loanAmount", null)));
        assertThat(money.messageZh()).contains("贷款金额", "扶持妇女");
    }

    @Test
    void anUnknownMetricIsRefused() {
        assertThat(refusal(indicator("x", "个", IndicatorKind.COUNT, IndicatorSource.activity("teleportations", null)))
                        .field())
                .isEqualTo("tasks[3].indicator.source.metric");
    }

    @Test
    void anActivityRateNeedsADenominatorCountingTheSameThing() {
        assertThat(refusal(indicator(
                                "参训妇女占比", "%", IndicatorKind.RATE, IndicatorSource.activity("womenParticipants", null)))
                        .field())
                .isEqualTo("tasks[3].indicator.source.denominatorMetric");
        assertThat(refusal(indicator(
                                "参训妇女占比",
                                "%",
                                IndicatorKind.RATE,
                                IndicatorSource.activity("womenParticipants", "sessions")))
                        .messageZh())
                .contains("其中妇女人次", "期(场)数");
        assertThatCode(() -> PlanContent.validate(
                        indicator(
                                "参训妇女占比",
                                "%",
                                IndicatorKind.RATE,
                                IndicatorSource.activity("womenParticipants", "participants")),
                        "tasks[0].indicator."))
                .doesNotThrowAnyException();
    }

    @Test
    void aClosureRateFeedsOnlyARateAndCaseCountsOnlyACount() {
        assertThatCode(() -> PlanContent.validate(
                        indicator("信访处结率", "%", IndicatorKind.RATE, IndicatorSource.rights("CLOSURE_RATE", null)),
                        "tasks[0].indicator."))
                .doesNotThrowAnyException();
        assertThat(refusal(indicator("信访处结件数", "件", IndicatorKind.COUNT, IndicatorSource.rights("CLOSURE_RATE", null)))
                        .field())
                .isEqualTo("tasks[3].indicator.source.rightsKpi");
        assertThat(refusal(indicator("重复信访", "%", IndicatorKind.RATE, IndicatorSource.rights("REPEAT", null)))
                        .messageZh())
                .contains("REPEAT", "重复信访");
        assertThat(refusal(indicator("家暴投诉", "件", IndicatorKind.COUNT, IndicatorSource.rights("RECEIVED", "ALIENS")))
                        .field())
                .isEqualTo("tasks[3].indicator.source.category");
    }

    @Test
    void honoursFiguresAreCounts() {
        assertThatCode(() -> PlanContent.validate(
                        indicator(
                                "复查巾帼文明岗",
                                "个",
                                IndicatorKind.COUNT,
                                IndicatorSource.honours("REVIEWED", "CIVILISED_POST")),
                        "tasks[0].indicator."))
                .doesNotThrowAnyException();
        assertThat(refusal(indicator("复查率", "%", IndicatorKind.RATE, IndicatorSource.honours("REVIEWED", null)))
                        .field())
                .isEqualTo("tasks[3].indicator.source.honourFigure");
        assertThat(refusal(indicator("复查", "个", IndicatorKind.COUNT, IndicatorSource.honours("POLISHED", null)))
                        .field())
                .isEqualTo("tasks[3].indicator.source.honourFigure");
    }

    @Test
    void anUnknownSourceKindIsRefusedAndReportedFitsAnything() {
        assertThat(refusal(indicator(
                                "x",
                                "个",
                                IndicatorKind.COUNT,
                                new IndicatorSource("GUESSED", null, null, null, null, null, null)))
                        .field())
                .isEqualTo("tasks[3].indicator.source.kind");
        assertThatCode(() -> PlanContent.validate(
                        indicator("妇女议事会覆盖率", "%", IndicatorKind.RATE, IndicatorSource.reported()),
                        "tasks[0].indicator."))
                .doesNotThrowAnyException();
    }

    @Test
    void amountsKeepAtMostTwoDecimalsLikeActivities() {
        Indicator amount = new Indicator(
                "贴息贷款", "万元", IndicatorKind.AMOUNT, Direction.AT_LEAST, new BigDecimal("2962.667"), null, null, null);
        assertThat(refusal(amount).field()).isEqualTo("tasks[3].indicator.target");
    }

    @Test
    void aTaskWithoutASourceIsStillAccepted() {
        assertThatCode(() -> PlanContent.validate(
                        indicator("新建巾帼示范村", "个", IndicatorKind.COUNT, null), "tasks[0].indicator."))
                .doesNotThrowAnyException();
    }
}
