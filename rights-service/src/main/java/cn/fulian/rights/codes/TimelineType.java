package cn.fulian.rights.codes;

/** Kinds of entries in a case's timeline. */
public enum TimelineType implements Labelled {
    REGISTERED("登记"),
    ACCEPTED("受理"),
    STEP("办理"),
    TRANSFER_REQUESTED("提出交办/上报"),
    TRANSFER_ACCEPTED("接收交办/上报"),
    TRANSFER_REJECTED("退回交办/上报"),
    CLOSED("办结"),
    FOLLOWED_UP("回访"),
    REOPENED("重新办理"),
    OVERDUE("超期");

    private final String label;

    TimelineType(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
