package cn.fulian.planning.plan;

/** DRAFT is editable; PUBLISHED freezes targets (changes are revisions); CLOSED ends the year. */
public enum PlanStatus {
    DRAFT,
    PUBLISHED,
    CLOSED
}
