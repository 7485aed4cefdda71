package cn.fulian.events.planning;

import java.math.BigDecimal;

/**
 * A task's measurable indicator (指标): kind COUNT, AMOUNT or RATE; direction AT_LEAST or AT_MOST. A rate names its
 * numerator and denominator (信访处结率 = cases closed / cases received). {@code source} says where its actual comes from
 * (null on tasks written before sources existed).
 */
public record Indicator(
        String name,
        String unit,
        String kind,
        String direction,
        BigDecimal target,
        String numeratorName,
        String denominatorName,
        IndicatorSource source) {

    /** An indicator without a source (the first contract shape): its actual comes from activity links. */
    public Indicator(
            String name,
            String unit,
            String kind,
            String direction,
            BigDecimal target,
            String numeratorName,
            String denominatorName) {
        this(name, unit, kind, direction, target, numeratorName, denominatorName, null);
    }
}
