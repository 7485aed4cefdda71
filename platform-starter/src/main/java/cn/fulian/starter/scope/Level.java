package cn.fulian.starter.scope;

/** The level of a unit in the federation tree. */
public enum Level {
    CITY("市妇联"),
    DISTRICT("区/县妇联"),
    TOWNSHIP("乡镇/街道妇联"),
    VILLAGE("村/社区妇联");

    private final String label;

    Level(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Level ofDepth(int depth) {
        return switch (depth) {
            case 1 -> CITY;
            case 2 -> DISTRICT;
            case 3 -> TOWNSHIP;
            default -> VILLAGE;
        };
    }
}
