package cn.fulian.reporting.readmodel;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Figures are stored as whole numbers of ten-thousandths so that {@code $inc} adds them exactly (a double would drift,
 * and Mongo cannot add decimal strings). 8888.5 万元 is stored as 88885000.
 */
public final class Fixed {

    public static final int SCALE = 4;

    private Fixed() {}

    public static long of(BigDecimal value) {
        return value == null
                ? 0L
                : value.setScale(SCALE, RoundingMode.HALF_UP).unscaledValue().longValueExact();
    }

    public static BigDecimal toDecimal(long stored) {
        return BigDecimal.valueOf(stored, SCALE).stripTrailingZeros();
    }

    /** A stored number as read back (the driver gives Integer, Long or Double depending on size and history). */
    public static BigDecimal read(Object stored) {
        if (stored == null) {
            return null;
        }
        return toDecimal(((Number) stored).longValue());
    }
}
