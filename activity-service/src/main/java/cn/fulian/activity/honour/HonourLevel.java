package cn.fulian.activity.honour;

/** Who awarded the title: national, provincial, city or county/district level. */
public enum HonourLevel {
    NATIONAL("国家级"),
    PROVINCE("省级"),
    CITY("市级"),
    COUNTY("县(区)级");

    private final String label;

    HonourLevel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
