package cn.fulian.planning.plan;

import java.math.BigDecimal;
import java.util.Set;

/**
 * A task's measurable indicator (指标): 新建巾帼示范村 100 个, 信访处结率 ≥ 98 % (cases closed / cases received).
 */
public record Indicator(
        String name,
        String unit,
        IndicatorKind kind,
        Direction direction,
        BigDecimal target,
        String numeratorName,
        String denominatorName) {

    /** Units of measure the federation's plans use. */
    public static final Set<String> UNITS =
            Set.of("个", "名", "人", "场", "期", "人次", "万元", "元", "%", "户", "件", "所", "家", "次", "篇", "支");

    public Indicator withTarget(BigDecimal newTarget) {
        return new Indicator(name, unit, kind, direction, newTarget, numeratorName, denominatorName);
    }

    public cn.fulian.events.planning.Indicator toContract() {
        return new cn.fulian.events.planning.Indicator(
                name, unit, kind.name(), direction.name(), target, numeratorName, denominatorName);
    }
}
