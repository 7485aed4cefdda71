package cn.fulian.rights.codes;

/** How a case reached the desk. */
public enum Channel implements Labelled {
    LETTER("来信"),
    VISIT("来访"),
    CALL("来电"),
    HOTLINE_12338("12338热线"),
    ONLINE("网上信访"),
    REFERRAL("转交");

    private final String label;

    Channel(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
