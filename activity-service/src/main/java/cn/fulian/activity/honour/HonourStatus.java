package cn.fulian.activity.honour;

/** A revoked title is history; a transferred one stays valid under its new unit. */
public enum HonourStatus {
    ACTIVE("有效"),
    REVOKED("已撤销");

    private final String label;

    HonourStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
