package cn.fulian.reporting.dashboard;

import cn.fulian.reporting.dashboard.DashboardView.ChildSummary;
import cn.fulian.reporting.dashboard.DashboardView.RankingRow;
import cn.fulian.reporting.dashboard.DashboardView.TaskRow;
import cn.fulian.reporting.dashboard.DashboardView.UnitRef;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A unit's score, pace lights and place among its siblings. The score is the mean completion over the tasks with a
 * completion figure, each counted at most 100 % so one over-achieved task does not hide a lagging one; tasks without
 * data count in no score.
 */
final class Scores {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Scores() {}

    /** Mean completion over the rows with a completion figure, each capped at 100 %, one decimal; null if none. */
    static BigDecimal score(List<TaskRow> rows) {
        List<BigDecimal> values = rows.stream()
                .map(TaskRow::completionPercent)
                .filter(v -> v != null)
                .map(v -> v.min(HUNDRED))
                .toList();
        if (values.isEmpty()) {
            return null;
        }
        BigDecimal sum = values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return sum.divide(BigDecimal.valueOf(values.size()), 1, RoundingMode.HALF_UP);
    }

    /** How many rows show each light, every light named (zero where none). */
    static Map<PaceStatus, Long> statusCounts(List<TaskRow> rows) {
        Map<PaceStatus, Long> counts = new EnumMap<>(PaceStatus.class);
        for (PaceStatus s : PaceStatus.values()) {
            counts.put(s, rows.stream().filter(r -> r.paceStatus() == s).count());
        }
        return counts;
    }

    /** A child unit as its parent's dashboard shows it: score, lights, and each task's completion and light. */
    static ChildSummary summary(UnitRef unit, List<TaskRow> rows) {
        Map<String, BigDecimal> completion = new LinkedHashMap<>();
        Map<String, PaceStatus> lights = new LinkedHashMap<>();
        for (TaskRow r : rows) {
            completion.put(r.taskId(), r.completionPercent());
            lights.put(r.taskId(), r.paceStatus());
        }
        return new ChildSummary(unit, score(rows), statusCounts(rows), completion, lights);
    }

    /**
     * Children with a score, best first; equal scores share a rank (1, 2, 2, 4). Each row says how many of the unit's
     * tasks have no data.
     */
    static List<RankingRow> rankings(List<ChildSummary> children) {
        List<ChildSummary> ranked = children.stream()
                .filter(c -> c.score() != null)
                .sorted(Comparator.comparing(ChildSummary::score)
                        .reversed()
                        .thenComparing(c -> c.unit().path()))
                .toList();
        List<RankingRow> out = new ArrayList<>();
        for (int i = 0; i < ranked.size(); i++) {
            ChildSummary c = ranked.get(i);
            int rank = i > 0 && ranked.get(i - 1).score().compareTo(c.score()) == 0
                    ? out.get(i - 1).rank()
                    : i + 1;
            Map<PaceStatus, Long> s = c.statusCounts();
            out.add(new RankingRow(
                    rank,
                    c.unit(),
                    c.score(),
                    s.get(PaceStatus.GREEN),
                    s.get(PaceStatus.YELLOW),
                    s.get(PaceStatus.RED),
                    s.get(PaceStatus.OVERDUE),
                    s.get(PaceStatus.NO_DATA)));
        }
        return out;
    }
}
