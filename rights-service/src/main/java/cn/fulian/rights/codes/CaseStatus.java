package cn.fulian.rights.codes;

/** Where a case stands: REGISTERED → ACCEPTED → IN_PROGRESS → CLOSED → FOLLOWED_UP (reopen goes back). */
public enum CaseStatus implements Labelled {
    REGISTERED("已登记"),
    ACCEPTED("已受理"),
    IN_PROGRESS("办理中"),
    CLOSED("已办结"),
    FOLLOWED_UP("已回访");

    private final String label;

    CaseStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /** Open cases run against deadlines and may be transferred. */
    public boolean isOpen() {
        return this == REGISTERED || this == ACCEPTED || this == IN_PROGRESS;
    }
}
