package cn.fulian.rights.codes;

/** How a case ended. */
public enum Outcome implements Labelled {
    MEDIATED("调解成功"),
    LEGAL_AID_PROVIDED("已提供法律援助"),
    REFERRED("已转交有关部门处理"),
    RESOLVED("问题已解决"),
    EXPLAINED("已解释答复"),
    WITHDRAWN("当事人撤回");

    private final String label;

    Outcome(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
