package cn.fulian.activity.config;

import cn.fulian.starter.problem.ForbiddenException;
import cn.fulian.starter.scope.OrgScope;
import cn.fulian.starter.scope.Role;

/** Recording and changing work is for federation staff (a level role), not for leaders' or admins' accounts alone. */
public final class StaffOnly {

    private StaffOnly() {}

    public static void require(OrgScope scope, String actionZh) {
        if (!(scope.hasRole(Role.CITY) || scope.hasRole(Role.DISTRICT) || scope.hasRole(Role.TOWNSHIP))) {
            throw new ForbiddenException(actionZh + "须由本单位工作人员办理 / only unit staff may do this");
        }
    }
}
