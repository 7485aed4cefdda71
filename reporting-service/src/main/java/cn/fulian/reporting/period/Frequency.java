package cn.fulian.reporting.period;

/** How often progress is reported in a plan year: 月报, 季报, 半年报, 年报. */
public enum Frequency {
    MONTHLY("月报", "M", 12),
    QUARTERLY("季报", "Q", 4),
    HALF_YEAR("半年报", "H", 2),
    ANNUAL("年报", "Y", 1);

    private final String label;
    private final String code;
    private final int perYear;

    Frequency(String label, String code, int perYear) {
        this.label = label;
        this.code = code;
        this.perYear = perYear;
    }

    public String label() {
        return label;
    }

    String code() {
        return code;
    }

    public int perYear() {
        return perYear;
    }

    int months() {
        return 12 / perYear;
    }

    static Frequency ofCode(String code) {
        for (Frequency f : values()) {
            if (f.code.equals(code)) {
                return f;
            }
        }
        throw new IllegalArgumentException("no frequency " + code);
    }
}
