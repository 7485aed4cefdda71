package cn.fulian.reporting.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Completion, expected-by-now, pace light and projection of one task at one unit. Pure arithmetic, the rules the
 * README states:
 *
 * <ul>
 *   <li>elapsed fraction f = days from the period start (plan publication, or 1 January) to today over days from the
 *       start to the due date, between 0 and 1;
 *   <li>COUNT / AMOUNT, at least: expected = target × f; done (actual ≥ target) is GREEN; past the due date and not
 *       done is OVERDUE; otherwise actual ≥ expected GREEN, ≥ 80 % of expected YELLOW, below RED; projected = actual /
 *       f (actual itself once due);
 *   <li>COUNT / AMOUNT, at most (a ceiling): above the ceiling RED; projected above it YELLOW; otherwise GREEN;
 *   <li>RATE: expected is the target itself (a rate must hold all along); at or better than target GREEN, within 5
 *       percentage points YELLOW, worse RED; past the due date and not met OVERDUE; no data yet is YELLOW; projected
 *       is the current rate.
 * </ul>
 *
 * Completion is actual / target × 100 (for a ceiling 100 while not exceeded, else target / actual × 100), one decimal.
 */
public final class Pace {

    static final BigDecimal YELLOW_SHARE = new BigDecimal("0.8");
    static final BigDecimal RATE_TOLERANCE = new BigDecimal("5");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** The figures; {@code expectedByNow}, {@code projected} and {@code completionPercent} may be null. */
    public record Figures(
            BigDecimal completionPercent, BigDecimal expectedByNow, PaceStatus status, BigDecimal projected) {}

    private Pace() {}

    /**
     * @param actual the live value: a count or amount, or for a RATE the rate in percent (null when no data)
     */
    public static Figures of(
            String kind,
            String direction,
            BigDecimal target,
            BigDecimal actual,
            LocalDate start,
            LocalDate due,
            LocalDate today) {
        boolean atMost = "AT_MOST".equals(direction);
        boolean pastDue = due != null && today.isAfter(due);
        if ("RATE".equals(kind)) {
            return rate(target, actual, atMost, pastDue);
        }
        BigDecimal value = actual == null ? BigDecimal.ZERO : actual;
        BigDecimal f = elapsedFraction(start, due, today);
        BigDecimal projected;
        if (pastDue) {
            projected = value;
        } else if (f.signum() == 0) {
            projected = null; // nothing to extrapolate from on the first day
        } else {
            projected = scale2(value.divide(f, 10, RoundingMode.HALF_UP));
        }
        if (target == null) {
            return new Figures(null, null, PaceStatus.GREEN, projected);
        }
        if (atMost) {
            BigDecimal completion = value.compareTo(target) <= 0 ? HUNDRED.setScale(1) : percent(target, value);
            PaceStatus status = value.compareTo(target) > 0
                    ? PaceStatus.RED
                    : projected != null && projected.compareTo(target) > 0 ? PaceStatus.YELLOW : PaceStatus.GREEN;
            return new Figures(completion, null, status, projected);
        }
        BigDecimal expected = scale2(target.multiply(f));
        BigDecimal completion = target.signum() == 0 ? null : percent(value, target);
        PaceStatus status;
        if (value.compareTo(target) >= 0) {
            status = PaceStatus.GREEN;
        } else if (pastDue) {
            status = PaceStatus.OVERDUE;
        } else if (value.compareTo(expected) >= 0) {
            status = PaceStatus.GREEN;
        } else if (value.compareTo(expected.multiply(YELLOW_SHARE)) >= 0) {
            status = PaceStatus.YELLOW;
        } else {
            status = PaceStatus.RED;
        }
        return new Figures(completion, expected, status, projected);
    }

    private static Figures rate(BigDecimal target, BigDecimal rate, boolean atMost, boolean pastDue) {
        if (target == null) {
            return new Figures(null, null, PaceStatus.GREEN, rate);
        }
        if (rate == null) {
            return new Figures(null, target, pastDue ? PaceStatus.OVERDUE : PaceStatus.YELLOW, null);
        }
        boolean met = atMost ? rate.compareTo(target) <= 0 : rate.compareTo(target) >= 0;
        BigDecimal gap = atMost ? rate.subtract(target) : target.subtract(rate);
        PaceStatus status = met
                ? PaceStatus.GREEN
                : pastDue
                        ? PaceStatus.OVERDUE
                        : gap.compareTo(RATE_TOLERANCE) <= 0 ? PaceStatus.YELLOW : PaceStatus.RED;
        BigDecimal completion;
        if (atMost) {
            completion = met ? HUNDRED.setScale(1) : rate.signum() == 0 ? null : percent(target, rate);
        } else {
            completion = target.signum() == 0 ? null : percent(rate, target);
        }
        return new Figures(completion, target, status, rate);
    }

    /** A task with nothing measured: no completion, no projection, grey. */
    public static Figures noData() {
        return new Figures(null, null, PaceStatus.NO_DATA, null);
    }

    /** Share of the period from start to due date that has passed by today, 0 to 1. */
    public static BigDecimal elapsedFraction(LocalDate start, LocalDate due, LocalDate today) {
        if (due == null || start == null) {
            return BigDecimal.ZERO;
        }
        long total = ChronoUnit.DAYS.between(start, due);
        long elapsed = ChronoUnit.DAYS.between(start, today);
        if (total <= 0 || elapsed >= total) {
            return BigDecimal.ONE;
        }
        if (elapsed <= 0) {
            return BigDecimal.ZERO;
        }
        return BigDecimal.valueOf(elapsed).divide(BigDecimal.valueOf(total), 10, RoundingMode.HALF_UP);
    }

    /** a / b × 100, one decimal. */
    public static BigDecimal percent(BigDecimal a, BigDecimal b) {
        return a.multiply(HUNDRED).divide(b, 1, RoundingMode.HALF_UP);
    }

    private static BigDecimal scale2(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP);
    }
}
