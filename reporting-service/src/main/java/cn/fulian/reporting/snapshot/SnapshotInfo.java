package cn.fulian.reporting.snapshot;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The snapshot of one reporting period: when its deadline was (the end of its due date), whether the dashboards were
 * frozen ({@code COMPLETE}), are being frozen ({@code TAKING}) or were not ({@code MISSING}: the service was not running
 * near the deadline), when they were read, and whether that was late — a late snapshot holds the figures as they stood
 * when it was taken, not at the deadline.
 */
public record SnapshotInfo(
        String period,
        String label,
        LocalDate dueDate,
        Instant deadline,
        Status status,
        Instant takenAt,
        Instant completedAt,
        Boolean late,
        Integer units) {

    public enum Status {
        COMPLETE,
        TAKING,
        MISSING
    }
}
