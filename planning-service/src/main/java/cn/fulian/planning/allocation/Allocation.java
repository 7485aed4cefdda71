package cn.fulian.planning.allocation;

import java.math.BigDecimal;

/** What a parent assignment gave one direct child unit. */
public record Allocation(
        String unitPath,
        String unitName,
        BigDecimal target,
        String assignmentId,
        boolean cancelled,
        String cancelReason) {

    Allocation retarget(BigDecimal newTarget) {
        return new Allocation(unitPath, unitName, newTarget, assignmentId, false, null);
    }

    Allocation cancel(String reason) {
        return new Allocation(unitPath, unitName, target, assignmentId, true, reason);
    }
}
