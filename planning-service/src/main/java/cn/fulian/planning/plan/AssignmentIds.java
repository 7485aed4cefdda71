package cn.fulian.planning.plan;

import cn.fulian.starter.scope.OrgPath;

/** Assignment ids are derived from task and unit, so writing the same allocation twice finds the same document. */
public final class AssignmentIds {

    private AssignmentIds() {}

    public static String of(String taskId, OrgPath unit) {
        return "asg-" + taskId + "-" + unit.code();
    }
}
