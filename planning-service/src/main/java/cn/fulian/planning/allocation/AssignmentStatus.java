package cn.fulian.planning.allocation;

/** ASSIGNED (待签收), ACKNOWLEDGED (已签收) or CANCELLED (已取消). */
public enum AssignmentStatus {
    ASSIGNED,
    ACKNOWLEDGED,
    CANCELLED
}
