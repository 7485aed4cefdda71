package cn.fulian.starter.test;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

import cn.fulian.starter.scope.OrgScopes;
import java.util.List;
import java.util.Map;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;

/** Tokens shaped like the realm's, for the demo users and for any unit a test needs. */
public final class TestTokens {

    private TestTokens() {}

    public static JwtRequestPostProcessor user(String username, String unitPath, String... roles) {
        return jwt().jwt(j -> j.claim("preferred_username", username)
                        .claim("org_unit", unitPath)
                        .claim("aud", List.of("fulian-api"))
                        .claim("realm_access", Map.of("roles", List.of(roles))))
                .authorities(OrgScopes::authorities);
    }

    public static JwtRequestPostProcessor cityStaff() {
        return user("city-staff", "350100", "city");
    }

    public static JwtRequestPostProcessor gulouStaff() {
        return user("gulou-staff", "350100/350102", "district");
    }

    public static JwtRequestPostProcessor cangshanStaff() {
        return user("cangshan-staff", "350100/350104", "district");
    }

    public static JwtRequestPostProcessor gudongStaff() {
        return user("gudong-staff", "350100/350102/350102001", "township");
    }

    public static JwtRequestPostProcessor leader() {
        return user("leader", "350100", "leader");
    }

    public static JwtRequestPostProcessor gulouRights() {
        return user("gulou-rights", "350100/350102", "district", "rights-officer");
    }

    public static JwtRequestPostProcessor admin() {
        return user("admin", "350100", "admin");
    }
}
