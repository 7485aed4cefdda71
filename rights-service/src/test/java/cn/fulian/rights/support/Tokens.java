package cn.fulian.rights.support;

import cn.fulian.starter.test.TestTokens;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;

/** The people of the privacy matrix, beyond the demo users of {@link TestTokens}. */
public final class Tokens {

    public static final String CITY = "350100";
    public static final String GULOU = "350100/350102";
    public static final String GUDONG = "350100/350102/350102001";
    public static final String GUXI = "350100/350102/350102002";
    public static final String CANGSHAN = "350100/350104";
    public static final String CANGQIAN = "350100/350104/350104001";

    private Tokens() {}

    /** Rights officer of 鼓楼区妇联 (district). */
    public static JwtRequestPostProcessor gulouRights() {
        return TestTokens.gulouRights();
    }

    /** Rights officer of 鼓东街道妇联 (township under 鼓楼). */
    public static JwtRequestPostProcessor gudongRights() {
        return TestTokens.user("gudong-rights", GUDONG, "township", "rights-officer");
    }

    /** Rights officer of 鼓西街道妇联, a sibling of 鼓东. */
    public static JwtRequestPostProcessor guxiRights() {
        return TestTokens.user("guxi-rights", GUXI, "township", "rights-officer");
    }

    public static JwtRequestPostProcessor cityRights() {
        return TestTokens.user("city-rights", CITY, "city", "rights-officer");
    }

    public static JwtRequestPostProcessor cangshanRights() {
        return TestTokens.user("cangshan-rights", CANGSHAN, "district", "rights-officer");
    }

    public static JwtRequestPostProcessor gudongStaff() {
        return TestTokens.gudongStaff();
    }

    public static JwtRequestPostProcessor gulouStaff() {
        return TestTokens.gulouStaff();
    }

    public static JwtRequestPostProcessor cangshanStaff() {
        return TestTokens.cangshanStaff();
    }

    public static JwtRequestPostProcessor leader() {
        return TestTokens.leader();
    }

    public static JwtRequestPostProcessor admin() {
        return TestTokens.admin();
    }
}
