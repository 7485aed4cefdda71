package cn.fulian.activity.honour.web;

import cn.fulian.activity.honour.ReviewOutcome;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * One review of an honour: the round (e.g. {@code 2026年复查}), the outcome, a reason (required to revoke or transfer),
 * for a transfer the receiving unit's path, and the day of the review (today when absent; an earlier day when an
 * earlier year's review ledger is moved in).
 */
record ReviewHonourRequest(
        @NotBlank @Size(max = 30) String round,
        @NotNull ReviewOutcome outcome,
        @Size(max = 200) String reason,
        String transferredToPath,
        LocalDate reviewedOn) {}
