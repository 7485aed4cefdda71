package cn.fulian.rights.codes;

/** The two statutory deadlines of a case. */
public enum DeadlineStage implements Labelled {
    ACCEPT("受理期限"),
    CONCLUDE("办结期限");

    private final String label;

    DeadlineStage(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
