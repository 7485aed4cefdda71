package cn.fulian.starter.scope;

import cn.fulian.starter.problem.ForbiddenException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/** Reads the caller's scope from a Keycloak access token: claim {@code org_unit} and {@code realm_access.roles}. */
public final class OrgScopes {

    public static final String ORG_UNIT_CLAIM = "org_unit";

    private OrgScopes() {}

    public static OrgScope fromJwt(Jwt jwt) {
        String unit = jwt.getClaimAsString(ORG_UNIT_CLAIM);
        if (!OrgPath.isValid(unit)) {
            throw new ForbiddenException("账号未分配有效的单位 / the account has no valid org unit");
        }
        OrgPath path = OrgPath.of(unit);
        Set<String> roles = realmRoles(jwt);
        String username = jwt.getClaimAsString("preferred_username");
        return new OrgScope(username != null ? username : jwt.getSubject(), path, levelOf(path, roles), roles);
    }

    /** The level role wins when present; otherwise the depth of the unit path decides. */
    static Level levelOf(OrgPath path, Set<String> roles) {
        if (roles.contains(Role.TOWNSHIP)) {
            return Level.TOWNSHIP;
        }
        if (roles.contains(Role.DISTRICT)) {
            return Level.DISTRICT;
        }
        if (roles.contains(Role.CITY)) {
            return Level.CITY;
        }
        return Level.ofDepth(path.depth());
    }

    public static Set<String> realmRoles(Jwt jwt) {
        Set<String> roles = new LinkedHashSet<>();
        Object realmAccess = jwt.getClaims().get("realm_access");
        if (realmAccess instanceof Map<?, ?> map && map.get("roles") instanceof Collection<?> names) {
            names.forEach(n -> roles.add(String.valueOf(n)));
        }
        return roles;
    }

    public static Collection<GrantedAuthority> authorities(Jwt jwt) {
        List<GrantedAuthority> authorities = new java.util.ArrayList<>();
        realmRoles(jwt).forEach(r -> authorities.add(new SimpleGrantedAuthority("ROLE_" + r)));
        return authorities;
    }
}
