package cn.fulian.gateway.session;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The logged-in user as the console shows it: never a token, only what the token says.
 *
 * @param unitPath the {@code org_unit} claim, codes from the city down ({@code 350100/350102})
 * @param level CITY, DISTRICT, TOWNSHIP or VILLAGE, from the depth of the unit path
 * @param roles the platform's realm roles the user holds (Keycloak's own default roles left out)
 */
public record SessionView(
        String username,
        String name,
        String unitPath,
        String unitCode,
        String level,
        String levelLabel,
        String levelLabelEn,
        List<String> roles) {

    static final Set<String> PLATFORM_ROLES =
            Set.of("city", "district", "township", "leader", "rights-officer", "admin");

    private static final List<String[]> LEVELS = List.of(
            new String[] {"CITY", "市级", "City"},
            new String[] {"DISTRICT", "区县级", "District"},
            new String[] {"TOWNSHIP", "乡镇（街道）级", "Township"},
            new String[] {"VILLAGE", "村（社区）级", "Village"});

    static SessionView of(Map<String, Object> claims, List<String> realmRoles) {
        String path = claims.get("org_unit") instanceof String s ? s.trim() : "";
        String[] codes = path.isEmpty() ? new String[0] : path.split("/");
        String[] level = codes.length == 0
                ? new String[] {"UNKNOWN", "未设置单位", "no unit"}
                : LEVELS.get(Math.min(codes.length, LEVELS.size()) - 1);
        String username = String.valueOf(claims.getOrDefault("preferred_username", claims.getOrDefault("sub", "")));
        String name = displayName(claims, username);
        return new SessionView(
                username,
                name,
                path,
                codes.length == 0 ? "" : codes[codes.length - 1],
                level[0],
                level[1],
                level[2],
                realmRoles.stream().filter(PLATFORM_ROLES::contains).sorted().toList());
    }

    /** Chinese names read family name first (林丽华); Keycloak's {@code name} claim puts the given name first. */
    private static String displayName(Map<String, Object> claims, String username) {
        if (claims.get("family_name") instanceof String family
                && claims.get("given_name") instanceof String given
                && (family + given)
                        .codePoints()
                        .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
            return family + given;
        }
        return claims.get("name") instanceof String n && !n.isBlank() ? n : username;
    }
}
