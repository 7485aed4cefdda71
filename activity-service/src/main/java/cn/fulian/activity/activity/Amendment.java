package cn.fulian.activity.activity;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/** One amendment kept in the activity's history: who, when, why, and how the metrics changed. */
public record Amendment(Instant at, String by, String reason, Map<String, BigDecimal> delta) {}
