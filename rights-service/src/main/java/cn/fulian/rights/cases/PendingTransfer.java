package cn.fulian.rights.cases;

import java.time.Instant;

/**
 * A transfer waiting for the receiving unit's decision. The sending unit keeps handling the case until then, so a case
 * always has exactly one handling unit. {@code reason} is sealed free text.
 */
public record PendingTransfer(
        String fromUnit,
        String toUnit,
        TransferDirection direction,
        Instant requestedAt,
        String requestedBy,
        String reason) {

    @Override
    public String toString() {
        return "PendingTransfer[" + fromUnit + " → " + toUnit + "]";
    }
}
