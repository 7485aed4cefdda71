package cn.fulian.planning.user;

import cn.fulian.starter.problem.InvalidFieldException;
import cn.fulian.starter.scope.OrgPath;
import cn.fulian.starter.scope.Role;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The roles an admin may give an account, and how they fit its unit. {@code staff} (工作人员) is the staff role of the
 * unit's tier: {@code city} for the root unit, {@code district} one level below, {@code township} further down; the
 * tier roles themselves are accepted where they fit.
 */
public final class StaffRoles {

    public static final String STAFF = "staff";

    /** One role as the admin pages offer it. */
    public record RoleOption(String role, String label, String labelEn) {}

    public static final List<RoleOption> OPTIONS = List.of(
            new RoleOption(STAFF, "工作人员（按单位层级）", "staff (by the unit's tier)"),
            new RoleOption(Role.LEADER, "领导（查看看板）", "leader (dashboard)"),
            new RoleOption(Role.RIGHTS_OFFICER, "维权专干", "rights officer"),
            new RoleOption(Role.ADMIN, "管理员（本单位及下级）", "admin (own unit and below)"));

    private static final Set<String> TIER_ROLES = Set.of(Role.CITY, Role.DISTRICT, Role.TOWNSHIP);
    private static final Set<String> OTHER_ROLES = Set.of(Role.LEADER, Role.RIGHTS_OFFICER, Role.ADMIN);

    private StaffRoles() {}

    /** The realm roles for {@code requested} at a unit with this path; 400 on {@code roles} for what does not fit. */
    public static Set<String> resolve(List<String> requested, OrgPath unit) {
        if (requested == null || requested.isEmpty()) {
            throw new InvalidFieldException("roles", "至少选择一个角色", "choose at least one role");
        }
        Set<String> roles = new LinkedHashSet<>();
        for (String role : requested) {
            if (STAFF.equals(role)) {
                roles.add(tierRole(unit));
            } else if (TIER_ROLES.contains(role)) {
                if (!role.equals(tierRole(unit))) {
                    throw new InvalidFieldException(
                            "roles",
                            "角色“" + label(role) + "”与所选单位的层级不符，请选择“工作人员”",
                            "role '" + role + "' does not fit the unit's tier; choose 'staff'");
                }
                roles.add(role);
            } else if (OTHER_ROLES.contains(role)) {
                roles.add(role);
            } else {
                throw new InvalidFieldException("roles", "未知角色：" + role, "unknown role '" + role + "'");
            }
        }
        return roles;
    }

    /** The staff role of a unit's tier. */
    public static String tierRole(OrgPath unit) {
        return switch (unit.depth()) {
            case 1 -> Role.CITY;
            case 2 -> Role.DISTRICT;
            default -> Role.TOWNSHIP;
        };
    }

    /** Every role this platform manages: the tier roles and the others (never Keycloak's own default roles). */
    public static boolean isManaged(String role) {
        return TIER_ROLES.contains(role) || OTHER_ROLES.contains(role);
    }

    public static String label(String role) {
        return switch (role) {
            case Role.CITY -> "工作人员（本级）";
            case Role.DISTRICT -> "工作人员（二级单位）";
            case Role.TOWNSHIP -> "工作人员（基层单位）";
            case Role.LEADER -> "领导";
            case Role.RIGHTS_OFFICER -> "维权专干";
            case Role.ADMIN -> "管理员";
            default -> role;
        };
    }
}
