package cn.fulian.reporting.snapshot;

import cn.fulian.reporting.dashboard.DashboardView;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * A dashboard as it stood at a reporting deadline: the same fields as the live one ({@code today} is the due date,
 * {@code asOf} the moment the figures were read), plus {@code snapshot} saying which period and whether it was late.
 */
public record FrozenDashboard(@JsonUnwrapped DashboardView dashboard, SnapshotInfo snapshot) {}
