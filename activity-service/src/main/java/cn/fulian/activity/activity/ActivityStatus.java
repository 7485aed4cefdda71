package cn.fulian.activity.activity;

/** ACTIVE counts toward the totals; VOIDED no longer does and cannot be changed again. */
public enum ActivityStatus {
    ACTIVE("有效"),
    VOIDED("已作废");

    private final String label;

    ActivityStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
