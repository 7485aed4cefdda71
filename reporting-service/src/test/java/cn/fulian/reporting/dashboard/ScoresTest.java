package cn.fulian.reporting.dashboard;

import static cn.fulian.reporting.support.Docs.row;
import static org.assertj.core.api.Assertions.assertThat;

import cn.fulian.reporting.dashboard.DashboardView.ChildSummary;
import cn.fulian.reporting.dashboard.DashboardView.RankingRow;
import cn.fulian.reporting.dashboard.DashboardView.TaskRow;
import cn.fulian.reporting.dashboard.DashboardView.UnitRef;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScoresTest {

    @Test
    void aScoreIsTheMeanCompletionWithEachTaskCappedAtAHundredAndTasksWithoutDataLeftOut() {
        List<TaskRow> rows = List.of(
                row("t1", "150", PaceStatus.GREEN),
                row("t2", "50", PaceStatus.RED),
                row("t3", null, PaceStatus.NO_DATA));

        assertThat(Scores.score(rows)).isEqualByComparingTo("75.0");
        assertThat(Scores.score(List.of(row("t3", null, PaceStatus.NO_DATA)))).isNull();
    }

    @Test
    void aChildsSummaryCarriesEachTasksCompletionAndLightAndTheLightCounts() {
        ChildSummary s = Scores.summary(
                unit("350100/350102"),
                List.of(row("t1", "80", PaceStatus.YELLOW), row("t2", null, PaceStatus.NO_DATA)));

        assertThat(s.completion()).containsEntry("t1", new BigDecimal("80")).containsEntry("t2", null);
        assertThat(s.lights()).containsEntry("t1", PaceStatus.YELLOW).containsEntry("t2", PaceStatus.NO_DATA);
        assertThat(s.statusCounts())
                .containsEntry(PaceStatus.YELLOW, 1L)
                .containsEntry(PaceStatus.NO_DATA, 1L)
                .containsEntry(PaceStatus.GREEN, 0L);
        assertThat(s.score()).isEqualByComparingTo("80.0");
    }

    @Test
    void equalScoresShareARankAndTheNextRankSkipsAndUnitsWithoutAScoreAreNotRanked() {
        List<ChildSummary> children = List.of(
                Scores.summary(unit("350100/350104"), List.of(row("t", "60", PaceStatus.RED))),
                Scores.summary(unit("350100/350102"), List.of(row("t", "90", PaceStatus.GREEN))),
                Scores.summary(unit("350100/350103"), List.of(row("t", "60", PaceStatus.RED))),
                Scores.summary(unit("350100/350105"), List.of(row("t", "10", PaceStatus.RED))),
                Scores.summary(unit("350100/350111"), List.of(row("t", null, PaceStatus.NO_DATA))));

        List<RankingRow> ranking = Scores.rankings(children);

        assertThat(ranking)
                .extracting(r -> r.rank() + " " + r.unit().path())
                .containsExactly("1 350100/350102", "2 350100/350103", "2 350100/350104", "4 350100/350105");
        assertThat(ranking.get(1).red()).isEqualTo(1);
    }

    static UnitRef unit(String path) {
        return new UnitRef(path, path, "DISTRICT");
    }
}
