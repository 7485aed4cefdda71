package cn.fulian.reporting.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fulian.reporting.dashboard.DashboardView.CategoryCount;
import cn.fulian.reporting.dashboard.DashboardView.RightsKpis;
import cn.fulian.reporting.dashboard.DashboardView.UnitRef;
import cn.fulian.reporting.readmodel.HonourCounters;
import cn.fulian.reporting.readmodel.RightsCounters;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RightsFiguresTest {

    private static final RightsCounters THREE_DOMESTIC_VIOLENCE_CASES = new RightsCounters(
            10,
            8,
            6,
            1,
            0,
            2,
            4,
            18,
            3,
            Map.of(
                    "DOMESTIC_VIOLENCE", new RightsCounters(3, 2, 2, 0, 0, 0, 0, 0, 0, Map.of()),
                    "MARRIAGE", new RightsCounters(7, 6, 4, 1, 0, 0, 0, 0, 0, Map.of())));

    @Test
    void aFewDomesticViolenceCasesAreSuppressedAtATownshipButShownAtADistrict() {
        RightsKpis township = RightsFigures.kpis(unit("350100/350102/350102001"), 3, THREE_DOMESTIC_VIOLENCE_CASES);
        RightsKpis district = RightsFigures.kpis(unit("350100/350102"), 2, THREE_DOMESTIC_VIOLENCE_CASES);

        assertThat(township.categories())
                .containsExactly(
                        new CategoryCount("DOMESTIC_VIOLENCE", null, null, null, true),
                        new CategoryCount("MARRIAGE", 7L, 6L, 1L, false));
        assertThat(district.categories().get(0)).isEqualTo(new CategoryCount("DOMESTIC_VIOLENCE", 3L, 2L, 0L, false));
    }

    @Test
    void ratesAndSatisfactionComeFromTheCountersAndAreNullWithoutCases() {
        RightsKpis k = RightsFigures.kpis(unit("350100"), 1, THREE_DOMESTIC_VIOLENCE_CASES);

        assertThat(k.closureRate()).isEqualByComparingTo("80.0");
        assertThat(k.onTimeRate()).isEqualByComparingTo("75.0");
        assertThat(k.satisfaction()).isEqualByComparingTo("4.50");
        assertThat(k.satisfiedRate()).isEqualByComparingTo("75.0");
        assertThat(k.repeatPetitions()).isEqualTo(2L);

        RightsKpis none = RightsFigures.kpis(unit("350100"), 1, RightsCounters.NONE);
        assertThat(none.closureRate()).isNull();
        assertThat(none.onTimeRate()).isNull();
        assertThat(none.satisfaction()).isNull();
    }

    @Test
    void honoursAreListedByKindWithTheReviewOutcomesAddedUp() {
        HonourCounters c = new HonourCounters(
                Map.of("三八红旗手", new HonourCounters.Kind(4, 1, 1, 1), "巾帼文明岗", new HonourCounters.Kind(2, 0, 0, 0)));

        assertThat(RightsFigures.honours(c))
                .extracting(h -> h.kind() + " " + h.awarded() + " " + h.reviewed())
                .containsExactly("三八红旗手 4 3", "巾帼文明岗 2 0");
    }

    private static UnitRef unit(String path) {
        return new UnitRef(path, path, "CITY");
    }
}
