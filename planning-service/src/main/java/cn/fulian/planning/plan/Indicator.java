package cn.fulian.planning.plan;

import cn.fulian.events.planning.IndicatorSource;
import java.math.BigDecimal;
import java.util.Set;

/**
 * A task's measurable indicator (指标): 新建巾帼示范村 100 个, 信访处结率 ≥ 98 % (cases closed / cases received), and where
 * its actual comes from ({@link IndicatorSource}: an activity metric, a rights KPI, an honours figure or the approved
 * report; null on tasks written before sources existed). The unit of measure is a label, not a rule.
 */
public record Indicator(
        String name,
        String unit,
        IndicatorKind kind,
        Direction direction,
        BigDecimal target,
        String numeratorName,
        String denominatorName,
        IndicatorSource source) {

    /** Units of measure the federation's plans use. */
    public static final Set<String> UNITS =
            Set.of("个", "名", "人", "场", "期", "人次", "万元", "元", "%", "户", "件", "所", "家", "次", "篇", "支");

    public Indicator withTarget(BigDecimal newTarget) {
        return new Indicator(name, unit, kind, direction, newTarget, numeratorName, denominatorName, source);
    }

    public cn.fulian.events.planning.Indicator toContract() {
        return new cn.fulian.events.planning.Indicator(
                name, unit, kind.name(), direction.name(), target, numeratorName, denominatorName, source);
    }
}
