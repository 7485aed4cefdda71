package cn.fulian.planning.plan;

import java.math.BigDecimal;
import java.time.Instant;

/** An explicit change of a published target, kept as the plan's history. */
public record TargetRevision(
        String taskId, BigDecimal previousTarget, BigDecimal newTarget, String reason, String by, Instant at) {}
