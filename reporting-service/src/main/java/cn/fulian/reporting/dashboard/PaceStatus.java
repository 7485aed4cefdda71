package cn.fulian.reporting.dashboard;

/** 红黄绿灯: how a task stands against its expected-by-now value, or that nothing is measured yet (grey). */
public enum PaceStatus {
    GREEN("绿灯: 进度正常"),
    YELLOW("黄灯: 进度滞后"),
    RED("红灯: 严重滞后"),
    OVERDUE("逾期未完成"),
    /** Nothing measured yet (a ceiling, a rate or a reported figure without data): excluded from scores and rankings. */
    NO_DATA("无数据");

    private final String label;

    PaceStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
