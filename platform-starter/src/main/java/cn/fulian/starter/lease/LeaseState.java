package cn.fulian.starter.lease;

import java.time.Instant;
import java.util.Optional;

/**
 * A lease document as another instance sees it.
 *
 * @param until when the current claim expires; empty when released
 */
public record LeaseState(String name, String attempt, String holder, Optional<Instant> until) {

    /** Whether someone holds the lease at {@code now}. */
    public boolean heldAt(Instant now) {
        return until.isPresent() && until.get().isAfter(now);
    }
}
