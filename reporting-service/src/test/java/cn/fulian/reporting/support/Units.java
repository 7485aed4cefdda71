package cn.fulian.reporting.support;

import cn.fulian.events.orgunit.OrgUnitChanged;

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
        bus.orgUnit(new OrgUnitChanged("350100", "福州市", "CITY", null, CITY, false, "CITY"));
        bus.orgUnit(new OrgUnitChanged("350102", "鼓楼区", "DISTRICT", "350100", GULOU, false, "DISTRICT"));
        bus.orgUnit(new OrgUnitChanged("350104", "仓山区", "DISTRICT", "350100", CANGSHAN, false, "DISTRICT"));
        bus.orgUnit(new OrgUnitChanged("350102001", "鼓东街道", "TOWNSHIP", "350102", GUDONG, false, "SUBDISTRICT"));
        bus.orgUnit(new OrgUnitChanged("350102002", "鼓西街道", "TOWNSHIP", "350102", GUXI, false, "SUBDISTRICT"));
        bus.orgUnit(new OrgUnitChanged("350104001", "仓前街道", "TOWNSHIP", "350104", CANGQIAN, false, "SUBDISTRICT"));
    }

    public static String code(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
