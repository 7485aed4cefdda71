package cn.fulian.infra.keycloak;

import java.util.List;

/**
 * The demo users of {@code infra/keycloak/fulian-realm.json}, as the launcher prints them once the platform is ready.
 * A unit test compares this list with the realm file, so the table never advertises an account that does not exist.
 */
public final class DemoAccounts {

    public static final String PASSWORD = "demo";

    /** One account: its unit path (the {@code org_unit} attribute), the unit's name and its realm roles. */
    public record DemoAccount(String username, String unitPath, String unitName, List<String> roles) {}

    public static final List<DemoAccount> ALL = List.of(
            new DemoAccount("city-staff", "350100", "福州市妇联", List.of("city")),
            new DemoAccount("gulou-staff", "350100/350102", "鼓楼区妇联", List.of("district")),
            new DemoAccount("cangshan-staff", "350100/350104", "仓山区妇联", List.of("district")),
            new DemoAccount("gudong-staff", "350100/350102/350102001", "鼓楼区鼓东街道妇联", List.of("township")),
            new DemoAccount("leader", "350100", "福州市妇联", List.of("leader")),
            new DemoAccount("gulou-rights", "350100/350102", "鼓楼区妇联", List.of("rights-officer", "district")),
            new DemoAccount(
                    "gudong-rights", "350100/350102/350102001", "鼓楼区鼓东街道妇联", List.of("rights-officer", "township")),
            new DemoAccount("admin", "350100", "福州市妇联", List.of("admin")));

    private DemoAccounts() {}
}
