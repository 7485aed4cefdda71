package cn.fulian.starter.scope;

/** Realm roles issued by Keycloak, as they appear in {@code realm_access.roles}. */
public final class Role {
    public static final String CITY = "city";
    public static final String DISTRICT = "district";
    public static final String TOWNSHIP = "township";
    public static final String LEADER = "leader";
    public static final String RIGHTS_OFFICER = "rights-officer";
    public static final String ADMIN = "admin";

    private Role() {}
}
