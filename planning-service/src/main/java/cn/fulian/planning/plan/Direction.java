package cn.fulian.planning.plan;

/** Whether the target is a floor (新建100个, ≥98%) or a ceiling (不超过). */
public enum Direction {
    AT_LEAST,
    AT_MOST
}
