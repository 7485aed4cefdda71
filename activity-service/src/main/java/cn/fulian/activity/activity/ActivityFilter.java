package cn.fulian.activity.activity;

import java.time.LocalDate;

/**
 * Narrows a list of activities within the caller's scope.
 *
 * @param unitPath one unit (and, with {@code subtree}, everything below it); the caller's own subtree when empty
 * @param from activities starting on or after this day
 * @param to activities starting on or before this day
 */
public record ActivityFilter(
        String unitPath,
        boolean subtree,
        String type,
        Integer year,
        ActivityStatus status,
        LocalDate from,
        LocalDate to,
        String assignmentId,
        String importBatchId,
        String q) {}
