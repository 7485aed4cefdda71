package cn.fulian.starter.scope;

import cn.fulian.starter.problem.ForbiddenException;
import cn.fulian.starter.problem.InvalidFieldException;
import cn.fulian.starter.problem.NotFoundException;
import java.util.Set;

/**
 * Who is calling and what they may touch, built from the token only. A user reads what is at or below its unit and
 * writes only what a feature allows at its own unit. Something outside the scope does not exist for the caller (404);
 * a visible object the caller may not change is forbidden (403).
 */
public record OrgScope(String username, OrgPath unit, Level level, Set<String> roles) {

    public OrgScope {
        roles = Set.copyOf(roles);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean canSee(OrgPath path) {
        return path.isAtOrBelow(unit);
    }

    public boolean isOwnUnit(OrgPath path) {
        return unit.equals(path);
    }

    public boolean isParentOf(OrgPath path) {
        return path.isDirectChildOf(unit);
    }

    /** Throws 404 unless the path is at or below the caller's unit. */
    public void requireVisible(OrgPath path, String what) {
        if (!canSee(path)) {
            throw new NotFoundException(what);
        }
    }

    /**
     * The unit a request names in its {@code unit} parameter, or the caller's own when it names none: 400 naming
     * {@code unit} when it is not a unit path, 404 when the unit is outside the caller's scope.
     */
    public OrgPath unitOrOwn(String unitParam) {
        if (unitParam == null || unitParam.isBlank()) {
            return unit;
        }
        if (!OrgPath.isValid(unitParam)) {
            throw new InvalidFieldException("unit", "单位编码路径格式不正确", "not a unit path");
        }
        OrgPath path = OrgPath.of(unitParam);
        requireVisible(path, "单位 / unit " + unitParam);
        return path;
    }

    /** The staff of a unit (a level role: city, district or township) act for it; leaders and admins only read. */
    public boolean isStaff() {
        return hasRole(Role.CITY) || hasRole(Role.DISTRICT) || hasRole(Role.TOWNSHIP);
    }

    /** Throws 403 unless the caller is one of its unit's staff. */
    public void requireStaff(String action) {
        if (!isStaff()) {
            throw new ForbiddenException(action);
        }
    }

    public void requireRole(String role, String action) {
        if (!hasRole(role)) {
            throw new ForbiddenException(action);
        }
    }

    /** The path prefix a repository query uses to stay inside the scope ({@code ^350100/350102(/|$)}). */
    public String subtreeRegex() {
        return unit.subtreeRegex();
    }
}
