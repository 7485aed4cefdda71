package cn.fulian.starter.boundaries.cyclic.allocation;

import cn.fulian.starter.boundaries.cyclic.plan.Plan;

/** An allocation of a {@link Plan}: this direction alone is fine. */
public record Allocation(Plan plan) {}
