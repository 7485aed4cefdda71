package cn.fulian.planning.plan;

/**
 * Where a published plan's tasks become its unit's own assignments. Allocation implements it; the plan only knows that
 * each task gets one, written again (and left as it is) when repeated.
 */
public interface RootAssignments {

    /** Writes (or repairs) the plan unit's own assignment of every task of a published plan. Safe to repeat. */
    void writeRoots(AnnualPlan plan);
}
