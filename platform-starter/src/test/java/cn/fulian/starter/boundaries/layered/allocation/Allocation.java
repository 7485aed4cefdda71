package cn.fulian.starter.boundaries.layered.allocation;

import cn.fulian.starter.boundaries.layered.plan.Plan;

/** An allocation of a {@link Plan}: one direction between features. */
public record Allocation(Plan plan) {}
