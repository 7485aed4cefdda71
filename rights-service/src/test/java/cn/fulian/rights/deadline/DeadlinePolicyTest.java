package cn.fulian.rights.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.fulian.rights.codes.Category;
import cn.fulian.rights.codes.Channel;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeadlinePolicyTest {

    static final LocalDate DAY = LocalDate.of(2026, 12, 20);

    @Test
    void defaultsFollowThePetitionRulesInCalendarDays() {
        DeadlinePolicy policy = new DeadlinePolicy(DeadlineProperties.defaults());
        Deadlines d = policy.forNewCase(Channel.LETTER, Category.OTHER, false, DAY);
        assertThat(d.acceptBy()).isEqualTo(LocalDate.of(2027, 1, 4));
        assertThat(d.concludeBy()).isEqualTo(LocalDate.of(2027, 2, 18));
        assertThat(policy.forNewCase(Channel.LETTER, Category.OTHER, true, DAY))
                .isEqualTo(new Deadlines(DAY.plusDays(1), DAY.plusDays(1)));
    }

    @Test
    void theMostSpecificRuleWinsAndMissingDaysFallBackToTheDefaults() {
        DeadlineProperties props = new DeadlineProperties(
                15,
                60,
                1,
                3,
                List.of(
                        new DeadlineProperties.Rule(Channel.HOTLINE_12338, null, 3, 30),
                        new DeadlineProperties.Rule(null, Category.DOMESTIC_VIOLENCE, 2, null),
                        new DeadlineProperties.Rule(Channel.HOTLINE_12338, Category.DOMESTIC_VIOLENCE, 1, 20)));
        DeadlinePolicy policy = new DeadlinePolicy(props);

        assertThat(policy.forNewCase(Channel.HOTLINE_12338, Category.OTHER, false, DAY))
                .isEqualTo(new Deadlines(DAY.plusDays(3), DAY.plusDays(30)));
        assertThat(policy.forNewCase(Channel.VISIT, Category.DOMESTIC_VIOLENCE, false, DAY))
                .isEqualTo(new Deadlines(DAY.plusDays(2), DAY.plusDays(60)));
        assertThat(policy.forNewCase(Channel.HOTLINE_12338, Category.DOMESTIC_VIOLENCE, false, DAY))
                .isEqualTo(new Deadlines(DAY.plusDays(1), DAY.plusDays(20)));
        assertThat(policy.forNewCase(Channel.LETTER, Category.CHILDREN, false, DAY))
                .isEqualTo(new Deadlines(DAY.plusDays(15), DAY.plusDays(60)));
        assertThat(policy.concludeByAfterReopening(Channel.HOTLINE_12338, Category.OTHER, false, DAY))
                .isEqualTo(DAY.plusDays(30));
    }

    @Test
    void dueSoonMeansFromTodayUpToTheConfiguredDaysAhead() {
        DeadlinePolicy policy = new DeadlinePolicy(DeadlineProperties.defaults());
        assertThat(policy.isDueSoon(DAY, DAY)).isTrue();
        assertThat(policy.isDueSoon(DAY.plusDays(3), DAY)).isTrue();
        assertThat(policy.isDueSoon(DAY.plusDays(4), DAY)).isFalse();
        assertThat(policy.isDueSoon(DAY.minusDays(1), DAY)).isFalse();
    }

    @Test
    void nonsenseSettingsStopTheServiceWithAClearMessage() {
        assertThatThrownBy(() -> new DeadlineProperties(0, 60, 1, 3, null)).hasMessageContaining("accept-days");
        assertThatThrownBy(() -> new DeadlineProperties(30, 20, 1, 3, null)).hasMessageContaining("conclude-days");
        assertThatThrownBy(() -> new DeadlineProperties.Rule(null, null, 1, 1)).hasMessageContaining("channel");
    }
}
