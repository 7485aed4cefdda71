package cn.fulian.activity.honour;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One review of an honour in a round. {@code holderUnitPath} is the unit that held it when reviewed, so a round's
 * counts stay with the reviewing unit even after a transfer moved the honour elsewhere. {@code reviewedOn} is the day
 * of the review ({@code reviewedAt} when it was recorded); null for reviews recorded before the day was kept.
 */
public record HonourReview(
        String round,
        ReviewOutcome outcome,
        String reason,
        String holderUnitPath,
        String transferredToPath,
        String reviewedBy,
        Instant reviewedAt,
        LocalDate reviewedOn) {}
