package cn.fulian.reporting.dashboard;

import cn.fulian.reporting.dashboard.DashboardView.CategoryCount;
import cn.fulian.reporting.dashboard.DashboardView.HonourCount;
import cn.fulian.reporting.dashboard.DashboardView.RightsKpis;
import cn.fulian.reporting.dashboard.DashboardView.UnitRef;
import cn.fulian.reporting.readmodel.HonourCounters;
import cn.fulian.reporting.readmodel.RightsCounters;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Rights KPIs and honours of a unit's subtree from its counters: rates, mean satisfaction, and the categories with
 * small sensitive counts suppressed below district level ({@link RightsRules}).
 */
final class RightsFigures {

    private RightsFigures() {}

    /**
     * @param depth the unit's depth in the tree (1 for the root)
     */
    static RightsKpis kpis(UnitRef unit, int depth, RightsCounters c) {
        List<CategoryCount> categories = new ArrayList<>();
        new TreeMap<>(c.categories()).forEach((category, counts) -> {
            if (RightsRules.suppress(category, depth, counts.received())) {
                categories.add(new CategoryCount(category, null, null, null, true));
            } else {
                categories.add(
                        new CategoryCount(category, counts.received(), counts.closed(), counts.overdue(), false));
            }
        });
        return new RightsKpis(
                unit,
                c.received(),
                c.closed(),
                c.closedOnTime(),
                c.overdue(),
                c.reopened(),
                c.repeat(),
                c.received() == 0 ? null : percent(c.closed(), c.received()),
                c.closed() == 0 ? null : percent(c.closedOnTime(), c.closed()),
                c.followUps(),
                c.followUps() == 0
                        ? null
                        : BigDecimal.valueOf(c.satisfactionSum())
                                .divide(BigDecimal.valueOf(c.followUps()), 2, RoundingMode.HALF_UP),
                c.followUps() == 0 ? null : percent(c.satisfied(), c.followUps()),
                categories);
    }

    /** The unit's honours of the year by kind. */
    static List<HonourCount> honours(HonourCounters counters) {
        List<HonourCount> out = new ArrayList<>();
        for (Map.Entry<String, HonourCounters.Kind> e : new TreeMap<>(counters.kinds()).entrySet()) {
            HonourCounters.Kind k = e.getValue();
            out.add(new HonourCount(e.getKey(), k.awarded(), k.reviewed(), k.retained(), k.revoked(), k.transferred()));
        }
        return out;
    }

    private static BigDecimal percent(long part, long whole) {
        return Pace.percent(BigDecimal.valueOf(part), BigDecimal.valueOf(whole));
    }
}
