package cn.fulian.rights.cases;

/** What a caller may do with a case in its present state, so that a client offers exactly those actions. */
public enum CaseAction {
    /** 查看完整信息: read the personal data, with a reason, recorded. */
    UNMASK,
    ACCEPT,
    STEP,
    TRANSFER,
    TRANSFER_ACCEPT,
    TRANSFER_REJECT,
    CLOSE,
    FOLLOW_UP,
    REOPEN
}
