package cn.fulian.planning.plan;

/** COUNT (个, 名, 场 …), AMOUNT (万元) or RATE (%, with a numerator and a denominator). */
public enum IndicatorKind {
    COUNT,
    AMOUNT,
    RATE
}
