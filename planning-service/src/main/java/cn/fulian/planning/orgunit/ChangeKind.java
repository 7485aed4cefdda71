package cn.fulian.planning.orgunit;

/** What happened to a unit, as its history lists it. */
public enum ChangeKind {
    ADDED("新增"),
    RENAMED("更名"),
    MOVED("调整上级"),
    PATH_CHANGED("随上级调整"),
    RETIRED("撤销");

    private final String label;

    ChangeKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
