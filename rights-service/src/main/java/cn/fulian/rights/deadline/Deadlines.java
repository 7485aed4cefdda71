package cn.fulian.rights.deadline;

import java.time.LocalDate;

/** The last day on which a case may be accepted and concluded; the day after is overdue. */
public record Deadlines(LocalDate acceptBy, LocalDate concludeBy) {}
