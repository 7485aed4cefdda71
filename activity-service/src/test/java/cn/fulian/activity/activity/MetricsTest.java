package cn.fulian.activity.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import cn.fulian.events.activity.AssignmentContribution;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricsTest {

    static Map<String, BigDecimal> values(int participants, int women) {
        return Map.of("participants", BigDecimal.valueOf(participants), "womenParticipants", BigDecimal.valueOf(women));
    }

    @Test
    void deltaHoldsOnlyChangedMetricsAndDropsTrailingZeros() {
        Map<String, BigDecimal> delta = Metrics.delta(
                Map.of("loanAmount", new BigDecimal("126.50"), "personsSupported", BigDecimal.TEN),
                Map.of("loanAmount", new BigDecimal("130.0"), "personsSupported", BigDecimal.TEN));
        assertThat(delta).containsOnlyKeys("loanAmount");
        assertThat(delta.get("loanAmount").toPlainString()).isEqualTo("3.5");
    }

    @Test
    void aMetricRemovedByAnAmendmentIsSubtracted() {
        Map<String, BigDecimal> delta = Metrics.delta(values(100, 80), Map.of("participants", BigDecimal.valueOf(100)));
        assertThat(delta).containsExactly(Map.entry("womenParticipants", BigDecimal.valueOf(-80)));
    }

    @Test
    void aKeptLinkChangesByTheDifferenceOfItsMetric() {
        List<Link> links = List.of(new Link("asg-1", "womenParticipants", null));
        List<AssignmentContribution> change = Metrics.change(values(120, 96), links, values(112, 91), links);
        assertThat(change)
                .extracting(
                        AssignmentContribution::assignmentId, c -> c.amount().intValue())
                .containsExactly(tuple("asg-1", -5));
    }

    @Test
    void switchingTheLinkedMetricTakesTheOldValueOutAndPutsTheNewOneIn() {
        List<AssignmentContribution> change = Metrics.change(
                values(120, 96),
                List.of(new Link("asg-1", "womenParticipants", null)),
                values(120, 96),
                List.of(new Link("asg-1", "participants", null), new Link("asg-2", "womenParticipants", null)));
        assertThat(change)
                .extracting(
                        AssignmentContribution::assignmentId,
                        AssignmentContribution::metric,
                        c -> c.amount().intValue())
                .containsExactly(
                        tuple("asg-1", "womenParticipants", -96),
                        tuple("asg-1", "participants", 120),
                        tuple("asg-2", "womenParticipants", 96));
    }

    @Test
    void aRateLinkCarriesNumeratorAndDenominatorChanges() {
        List<Link> links = List.of(new Link("asg-rate", "womenParticipants", "participants"));
        List<AssignmentContribution> change = Metrics.change(values(120, 96), links, values(100, 96), links);
        assertThat(change).singleElement().satisfies(c -> {
            assertThat(c.amount()).isEqualByComparingTo("0");
            assertThat(c.denominatorMetric()).isEqualTo("participants");
            assertThat(c.denominatorAmount()).isEqualByComparingTo("-20");
        });
    }

    @Test
    void anUnchangedActivityChangesNothing() {
        List<Link> links = List.of(new Link("asg-1", "participants", null));
        assertThat(Metrics.change(values(50, 40), links, values(50, 40), links)).isEmpty();
        assertThat(Metrics.delta(values(50, 40), values(50, 40))).isEmpty();
    }

    @Test
    void negatedContributionsUndoTheRecordedOnes() {
        List<AssignmentContribution> recorded =
                Metrics.contributions(values(70, 60), List.of(new Link("asg-1", "womenParticipants", "participants")));
        List<AssignmentContribution> undone = Metrics.negated(recorded);
        assertThat(undone.get(0).amount().add(recorded.get(0).amount())).isEqualByComparingTo("0");
        assertThat(undone.get(0).denominatorAmount().add(recorded.get(0).denominatorAmount()))
                .isEqualByComparingTo("0");
    }
}
