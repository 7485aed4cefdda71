package cn.fulian.reporting.dashboard;

import cn.fulian.events.planning.IndicatorSource;
import cn.fulian.reporting.readmodel.Fixed;
import cn.fulian.reporting.readmodel.TaskFields;
import java.math.BigDecimal;
import org.bson.Document;

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
     * @param task the task document
     * @param taskUnit the unit's (year, task, unit) document
     * @param rights the unit's (year, unit) rights counters, or null
     * @param honours the unit's (year, unit) honours counters, or null
     * @param depth the unit's depth in the tree (1 for the root), for the suppression of small sensitive counts
     */
    static Measured of(Document task, Document taskUnit, Document rights, Document honours, int depth) {
        String kind = task.getString(TaskFields.SOURCE_KIND);
        if (kind == null || IndicatorSource.ACTIVITY.equals(kind)) {
            return activities(taskUnit);
        }
        return switch (kind) {
            case IndicatorSource.RIGHTS -> rights(task, rights, depth);
            case IndicatorSource.HONOURS -> honours(task, honours);
            default -> Measured.none(); // REPORTED
        };
    }

    /** Whether a task takes its value from approved reports only. */
    static boolean reportedOnly(Document task) {
        return IndicatorSource.REPORTED.equals(task.getString(TaskFields.SOURCE_KIND));
    }

    private static Measured activities(Document taskUnit) {
        BigDecimal numerator = Fixed.read(taskUnit.get("actual"));
        BigDecimal denominator = Fixed.read(taskUnit.get("actualDen"));
        return new Measured(orZero(numerator), orZero(denominator), numerator != null, false);
    }

    private static Measured rights(Document task, Document rights, int depth) {
        if (rights == null || count(rights, "received") == 0) {
            return Measured.none();
        }
        String category = task.getString(TaskFields.RIGHTS_CATEGORY);
        Document counters = rights;
        if (category != null) {
            counters = rights.get("categories") instanceof Document cats && cats.get(category) instanceof Document c
                    ? c
                    : new Document();
            if (RightsRules.suppress(category, depth, count(counters, "received"))) {
                return new Measured(null, null, false, true);
            }
        }
        String kpi = task.getString(TaskFields.RIGHTS_KPI);
        if (kpi == null) {
            return Measured.none();
        }
        return switch (kpi) {
            case "CLOSURE_RATE" -> measured(count(counters, "closed"), count(counters, "received"));
            case "ON_TIME_RATE" -> measured(count(counters, "closedOnTime"), count(counters, "closed"));
            case "RECEIVED" -> measured(count(counters, "received"), 0);
            case "CLOSED" -> measured(count(counters, "closed"), 0);
            case "CLOSED_ON_TIME" -> measured(count(counters, "closedOnTime"), 0);
            case "OVERDUE" -> measured(count(counters, "overdue"), 0);
            case "REPEAT" -> measured(count(counters, "repeat"), 0);
            default -> Measured.none();
        };
    }

    private static Measured honours(Document task, Document honours) {
        if (honours == null || !(honours.get("kinds") instanceof Document kinds)) {
            return Measured.none();
        }
        String only = task.getString(TaskFields.HONOUR_KIND);
        String figure = task.getString(TaskFields.HONOUR_FIGURE);
        long value = 0;
        boolean any = false;
        for (String kind : kinds.keySet()) {
            if ((only != null && !only.equals(kind)) || !(kinds.get(kind) instanceof Document k)) {
                continue;
            }
            long awarded = count(k, "awarded");
            long retained = count(k, "RETAINED");
            long revoked = count(k, "REVOKED");
            long transferred = count(k, "TRANSFERRED");
            any |= awarded + retained + revoked + transferred > 0;
            value += switch (figure == null ? "" : figure) {
                case "AWARDED" -> awarded;
                case "REVIEWED" -> retained + revoked + transferred;
                case "RETAINED" -> retained;
                case "REVOKED" -> revoked;
                case "TRANSFERRED" -> transferred;
                default -> 0;
            };
        }
        return new Measured(BigDecimal.valueOf(value), BigDecimal.ZERO, any, false);
    }

    private static Measured measured(long numerator, long denominator) {
        return new Measured(BigDecimal.valueOf(numerator), BigDecimal.valueOf(denominator), true, false);
    }

    private static long count(Document d, String field) {
        return d.get(field) instanceof Number n ? n.longValue() : 0L;
    }

    private static BigDecimal orZero(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }
}
