package cn.fulian.infra.process;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * When a child that exited unexpectedly is started again: after a delay that doubles with each restart inside the
 * window ({@code backoff}, 2×, 4× … up to {@code maxBackoff}), and not at all once {@code limit} restarts already
 * happened inside the window. A child that crashes on every start is then left down instead of restarted forever, and
 * one that crashes once a day starts again after the first, short delay.
 *
 * @param limit restarts allowed inside {@code window}; 0 turns restarting off
 */
public record RestartPolicy(int limit, Duration window, Duration backoff, Duration maxBackoff) {

    public static final RestartPolicy DEFAULT =
            new RestartPolicy(5, Duration.ofMinutes(10), Duration.ofSeconds(1), Duration.ofSeconds(30));

    public RestartPolicy {
        if (limit < 0 || window.isNegative() || backoff.isNegative() || maxBackoff.compareTo(backoff) < 0) {
            throw new IllegalArgumentException("invalid restart policy " + limit + " in " + window + ", backoff "
                    + backoff + " up to " + maxBackoff);
        }
    }

    /**
     * @param earlierRestarts when this child was restarted before, oldest first
     * @return the delay before the next restart, or empty when the child is to be given up
     */
    public Optional<Duration> nextDelay(List<Instant> earlierRestarts, Instant now) {
        Instant windowStart = now.minus(window);
        long inWindow =
                earlierRestarts.stream().filter(t -> t.isAfter(windowStart)).count();
        if (inWindow >= limit) {
            return Optional.empty();
        }
        Duration delay = backoff;
        for (long i = 0; i < inWindow && delay.compareTo(maxBackoff) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return Optional.of(delay.compareTo(maxBackoff) > 0 ? maxBackoff : delay);
    }

    /** "5 restarts in 10 min", as the console and status say it. */
    public String describeLimit() {
        return limit + " restarts in "
                + (window.toSeconds() % 60 == 0 ? window.toMinutes() + " min" : window.toSeconds() + " s");
    }
}
