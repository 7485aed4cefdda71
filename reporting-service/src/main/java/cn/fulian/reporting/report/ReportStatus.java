package cn.fulian.reporting.report;

/** Where a progress report stands: 待审核, 已退回, 已通过 (locked). */
public enum ReportStatus {
    SUBMITTED("待审核"),
    RETURNED("已退回"),
    APPROVED("已通过");

    private final String label;

    ReportStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
