package cn.fulian.planning.allocation;

import java.time.Instant;
import java.time.LocalDate;

/** A unit's request for a later deadline and the parent's decision. */
public record ExtensionRequest(
        LocalDate requestedDueDate,
        String reason,
        String status,
        String decisionReason,
        String requestedBy,
        Instant requestedAt) {

    static final String PENDING = "PENDING";
    static final String APPROVED = "APPROVED";
    static final String REJECTED = "REJECTED";

    boolean pending() {
        return PENDING.equals(status);
    }

    ExtensionRequest decide(String decision, String why) {
        return new ExtensionRequest(requestedDueDate, reason, decision, why, requestedBy, requestedAt);
    }
}
