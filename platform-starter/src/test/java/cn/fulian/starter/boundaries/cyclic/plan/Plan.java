package cn.fulian.starter.boundaries.cyclic.plan;

import cn.fulian.starter.boundaries.cyclic.allocation.Allocation;

/** A plan that knows its allocations: together with {@link Allocation} it closes a cycle between two features. */
public class Plan {

    public Allocation firstAllocation() {
        return new Allocation(this);
    }
}
