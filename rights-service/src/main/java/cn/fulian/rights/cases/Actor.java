package cn.fulian.rights.cases;

import cn.fulian.starter.scope.OrgPath;
import cn.fulian.starter.scope.OrgScope;

/** Who does something to a case: a user and the unit it acts for. */
record Actor(String username, OrgPath unit) {

    static Actor of(OrgScope scope) {
        return new Actor(scope.username(), scope.unit());
    }
}
