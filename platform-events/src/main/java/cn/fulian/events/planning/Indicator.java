package cn.fulian.events.planning;

import java.math.BigDecimal;

/**
 * A task's measurable indicator (指标): kind COUNT, AMOUNT or RATE; direction AT_LEAST or AT_MOST. A rate names its
 * numerator and denominator (信访处结率 = cases closed / cases received).
 */
public record Indicator(
        String name,
        String unit,
        String kind,
        String direction,
        BigDecimal target,
        String numeratorName,
        String denominatorName) {}
