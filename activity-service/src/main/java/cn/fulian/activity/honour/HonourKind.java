package cn.fulian.activity.honour;

/** The titles federations award and review. */
public enum HonourKind {
    CIVILISED_POST("巾帼文明岗"),
    PACESETTER("巾帼建功标兵"),
    MODEL_VILLAGE("巾帼示范村"),
    MODEL_BASE("巾帼示范基地"),
    WOMENS_HOME("妇女之家"),
    CHILDRENS_HOME("儿童之家"),
    FIVE_GOOD_FAMILY("五好文明家庭"),
    CIVILISED_COMMUNITY("巾帼文明社区");

    private final String label;

    HonourKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
