package cn.fulian.planning.allocation;

import cn.fulian.planning.plan.Direction;
import cn.fulian.planning.plan.IndicatorKind;
import cn.fulian.starter.problem.InvalidFieldException;
import java.math.BigDecimal;
import java.util.List;

/**
 * The arithmetic of 分解下达. A floor on a count or amount is split exactly: the children together with what the unit
 * keeps for itself add up to the parent's target, neither less (the target would be lost on the way down) nor more (层层加码:
 * the units below would be held to more than was asked of the unit); a ceiling must not be exceeded together; a rate
 * is not added up but passed down: each child gets at least (or at most) the parent's rate.
 */
public final class AllocationRules {

    private AllocationRules() {}

    public static void check(
            IndicatorKind kind, Direction direction, String unit, BigDecimal parentTarget, List<BigDecimal> children) {
        check(kind, direction, unit, parentTarget, children, BigDecimal.ZERO);
    }

    /**
     * As {@link #check(IndicatorKind, Direction, String, BigDecimal, List)}, with a share the unit keeps for itself
     * (本级保留): children + retained cover the target (or stay within the ceiling). A rate keeps nothing: each child
     * holds the whole rate.
     */
    public static void check(
            IndicatorKind kind,
            Direction direction,
            String unit,
            BigDecimal parentTarget,
            List<BigDecimal> children,
            BigDecimal retained) {
        BigDecimal kept = retained == null ? BigDecimal.ZERO : retained;
        if (kept.signum() != 0) {
            if (kind == IndicatorKind.RATE) {
                throw new InvalidFieldException(
                        "retained", "比率类指标逐级下达,不设本级保留", "a rate is passed down whole; nothing is retained");
            }
            precision(kind, kept, "retained");
            if (kept.signum() < 0) {
                throw new InvalidFieldException("retained", "本级保留不能为负数", "the retained share must not be negative");
            }
        }
        for (int i = 0; i < children.size(); i++) {
            BigDecimal t = children.get(i);
            String field = "allocations[" + i + "].target";
            if (t.signum() < 0) {
                throw new InvalidFieldException(field, "目标值不能为负数", "a target must not be negative");
            }
            precision(kind, t, field);
            if (kind == IndicatorKind.RATE) {
                boolean looser =
                        direction == Direction.AT_LEAST ? t.compareTo(parentTarget) < 0 : t.compareTo(parentTarget) > 0;
                if (looser) {
                    throw new InvalidFieldException(
                            field,
                            "下级比率目标" + plain(t) + "%不能" + (direction == Direction.AT_LEAST ? "低于" : "高于") + "上级目标"
                                    + plain(parentTarget) + "%",
                            "a child's rate cannot be looser than the parent's " + plain(parentTarget) + "%");
                }
            }
        }
        if (kind == IndicatorKind.RATE) {
            return;
        }
        BigDecimal sum =
                children.stream().reduce(BigDecimal.ZERO, BigDecimal::add).add(kept);
        String withKept = kept.signum() == 0 ? "" : "（含本级保留" + plain(kept) + unit + "）";
        if (direction == Direction.AT_LEAST && sum.compareTo(parentTarget) < 0) {
            BigDecimal gap = parentTarget.subtract(sum);
            throw new InvalidFieldException(
                    "allocations",
                    "分解合计" + plain(sum) + unit + withKept + "，低于下达目标" + plain(parentTarget) + unit + "，还差" + plain(gap)
                            + unit + "；如本级承担其余部分，请填写本级保留",
                    "allocations add up to " + plain(sum) + ", short of the target " + plain(parentTarget) + " by "
                            + plain(gap) + "; to keep the rest for this unit, set retained");
        }
        if (direction == Direction.AT_LEAST && sum.compareTo(parentTarget) > 0) {
            BigDecimal over = sum.subtract(parentTarget);
            throw new InvalidFieldException(
                    "allocations",
                    "分解合计" + plain(sum) + unit + withKept + "，超过下达目标" + plain(parentTarget) + unit + "，多出" + plain(over)
                            + unit + "；分解不得层层加码，请核减",
                    "allocations add up to " + plain(sum) + ", above the target " + plain(parentTarget) + " by "
                            + plain(over) + "; a split must not raise the target on the way down");
        }
        if (direction == Direction.AT_MOST && sum.compareTo(parentTarget) > 0) {
            throw new InvalidFieldException(
                    "allocations",
                    "分解合计" + plain(sum) + unit + withKept + "，超过上限" + plain(parentTarget) + unit,
                    "allocations add up to " + plain(sum) + ", above the ceiling " + plain(parentTarget));
        }
    }

    /** One precision rule for targets, allocations and activities: counts whole, amounts and rates to 2 decimals. */
    private static void precision(IndicatorKind kind, BigDecimal value, String field) {
        int scale = value.stripTrailingZeros().scale();
        if (kind == IndicatorKind.COUNT && scale > 0) {
            throw new InvalidFieldException(field, "计数类目标须为整数", "a count target must be whole");
        }
        if (scale > 2) {
            throw new InvalidFieldException(field, "最多保留两位小数", "at most 2 decimals");
        }
    }

    /** How much of a floor the children do not yet cover (zero when covered or for rates and ceilings). */
    public static BigDecimal shortfall(
            IndicatorKind kind, Direction direction, BigDecimal parentTarget, BigDecimal allocatedSum) {
        if (kind == IndicatorKind.RATE || direction == Direction.AT_MOST) {
            return BigDecimal.ZERO;
        }
        return parentTarget.subtract(allocatedSum).max(BigDecimal.ZERO);
    }

    static String plain(BigDecimal n) {
        return n.stripTrailingZeros().toPlainString();
    }
}
