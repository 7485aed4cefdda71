package cn.fulian.rights.codes;

/** A handling step recorded while a case is in progress. */
public enum StepType implements Labelled {
    MEDIATION("调解"),
    LEGAL_AID("法律援助"),
    REFERRAL_POLICE("转介公安机关"),
    REFERRAL_COURT("转介人民法院"),
    REFERRAL_CIVIL_AFFAIRS("转介民政部门"),
    PROTECTION_ORDER_SUPPORT("协助申请人身安全保护令"),
    CONSULTATION("咨询答复"),
    OTHER("其他");

    private final String label;

    StepType(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
