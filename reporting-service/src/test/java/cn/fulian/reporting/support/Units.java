package cn.fulian.reporting.support;

/** The demo units every reporting test works with (a subset of 福州市). */
public final class Units {
    public static final String CITY = "350100";
    public static final String GULOU = "350100/350102";
    public static final String CANGSHAN = "350100/350104";
    public static final String GUDONG = "350100/350102/350102001";
    public static final String GUXI = "350100/350102/350102002";
    public static final String CANGQIAN = "350100/350104/350104001";

    private Units() {}

    /** Publishes the registry entries (idempotent: the same state again changes nothing). */
    public static void register(EventBus bus) {
        bus.orgUnit("350100", "福州市", "CITY", null, CITY);
        bus.orgUnit("350102", "鼓楼区", "DISTRICT", "350100", GULOU);
        bus.orgUnit("350104", "仓山区", "DISTRICT", "350100", CANGSHAN);
        bus.orgUnit("350102001", "鼓东街道", "TOWNSHIP", "350102", GUDONG);
        bus.orgUnit("350102002", "鼓西街道", "TOWNSHIP", "350102", GUXI);
        bus.orgUnit("350104001", "仓前街道", "TOWNSHIP", "350104", CANGQIAN);
    }

    public static String code(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
