package cn.fulian.reporting.dashboard;

import cn.fulian.events.planning.IndicatorSource;
import cn.fulian.reporting.readmodel.HonourCounters;
import cn.fulian.reporting.readmodel.RightsCounters;
import cn.fulian.reporting.readmodel.TaskDoc;
import cn.fulian.reporting.readmodel.TaskUnitDoc;
import java.math.BigDecimal;

/**
 * A task's measured value at one unit, taken from the source its indicator names: the activities counted toward the
 * unit's assignment and its subtree's (the live actual on the (year, task, unit) document), the unit's rights-case
 * counters of the plan year, its honours counters of the plan year, or nothing (a REPORTED task is measured only by
 * approved reports). Pure: the documents are read by the caller.
 *
 * <p>{@code hasData} says whether the source recorded anything at all: an activity linked, a case received, an honour
 * awarded or reviewed. A ceiling or a rate with no data is not met "by default": it has no value yet.
 */
final class SourceActual {

    /** Numerator (the value itself for a count or amount), denominator for a rate, and whether anything was recorded. */
    record Measured(BigDecimal numerator, BigDecimal denominator, boolean hasData, boolean suppressed) {

        static Measured none() {
            return new Measured(BigDecimal.ZERO, BigDecimal.ZERO, false, false);
        }
    }

    private SourceActual() {}

    /**
     * @param rights the unit's rights counters of the year ({@link RightsCounters#NONE} when it has none)
     * @param honours the unit's honours counters of the year ({@link HonourCounters#NONE} when it has none)
     * @param depth the unit's depth in the tree (1 for the root), for the suppression of small sensitive counts
     */
    static Measured of(TaskDoc task, TaskUnitDoc taskUnit, RightsCounters rights, HonourCounters honours, int depth) {
        return switch (task.source()) {
            case IndicatorSource.ACTIVITY -> activities(taskUnit);
            case IndicatorSource.RIGHTS -> rights(task, rights, depth);
            case IndicatorSource.HONOURS -> honours(task, honours);
            default -> Measured.none(); // REPORTED
        };
    }

    private static Measured activities(TaskUnitDoc taskUnit) {
        BigDecimal numerator = taskUnit.actual();
        return new Measured(orZero(numerator), orZero(taskUnit.actualDenominator()), numerator != null, false);
    }

    private static Measured rights(TaskDoc task, RightsCounters rights, int depth) {
        if (rights.received() == 0) {
            return Measured.none();
        }
        RightsCounters counters = rights;
        if (task.rightsCategory() != null) {
            counters = rights.category(task.rightsCategory());
            if (RightsRules.suppress(task.rightsCategory(), depth, counters.received())) {
                return new Measured(null, null, false, true);
            }
        }
        if (task.rightsKpi() == null) {
            return Measured.none();
        }
        return switch (task.rightsKpi()) {
            case "CLOSURE_RATE" -> measured(counters.closed(), counters.received());
            case "ON_TIME_RATE" -> measured(counters.closedOnTime(), counters.closed());
            case "RECEIVED" -> measured(counters.received(), 0);
            case "CLOSED" -> measured(counters.closed(), 0);
            case "CLOSED_ON_TIME" -> measured(counters.closedOnTime(), 0);
            case "OVERDUE" -> measured(counters.overdue(), 0);
            case "REPEAT" -> measured(counters.repeat(), 0);
            default -> Measured.none();
        };
    }

    private static Measured honours(TaskDoc task, HonourCounters honours) {
        String only = task.honourKind();
        String figure = task.honourFigure() == null ? "" : task.honourFigure();
        long value = 0;
        boolean any = false;
        for (var entry : honours.kinds().entrySet()) {
            if (only != null && !only.equals(entry.getKey())) {
                continue;
            }
            HonourCounters.Kind k = entry.getValue();
            any |= k.any();
            value += switch (figure) {
                case "AWARDED" -> k.awarded();
                case "REVIEWED" -> k.reviewed();
                case "RETAINED" -> k.retained();
                case "REVOKED" -> k.revoked();
                case "TRANSFERRED" -> k.transferred();
                default -> 0;
            };
        }
        return new Measured(BigDecimal.valueOf(value), BigDecimal.ZERO, any, false);
    }

    private static Measured measured(long numerator, long denominator) {
        return new Measured(BigDecimal.valueOf(numerator), BigDecimal.valueOf(denominator), true, false);
    }

    private static BigDecimal orZero(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }
}
