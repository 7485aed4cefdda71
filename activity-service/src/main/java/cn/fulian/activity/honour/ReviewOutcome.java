package cn.fulian.activity.honour;

/** The result of a periodic review (复查). */
public enum ReviewOutcome {
    RETAINED("保留"),
    REVOKED("撤销"),
    TRANSFERRED("移交");

    private final String label;

    ReviewOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
