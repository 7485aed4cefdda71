package cn.fulian.infra.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RestartPolicyTest {

    private final RestartPolicy policy =
            new RestartPolicy(4, Duration.ofMinutes(10), Duration.ofSeconds(1), Duration.ofSeconds(5));
    private final Instant now = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void theDelayDoublesWithEachRestartInTheWindowUpToTheCap() {
        assertThat(policy.nextDelay(List.of(), now)).contains(Duration.ofSeconds(1));
        assertThat(policy.nextDelay(restartsAgo(60), now)).contains(Duration.ofSeconds(2));
        assertThat(policy.nextDelay(restartsAgo(60, 50), now)).contains(Duration.ofSeconds(4));
        assertThat(policy.nextDelay(restartsAgo(60, 50, 40), now)).contains(Duration.ofSeconds(5));
    }

    @Test
    void aChildIsGivenUpOnceTheLimitOfRestartsInTheWindowIsReached() {
        assertThat(policy.nextDelay(restartsAgo(60, 50, 40, 30), now)).isEmpty();
    }

    @Test
    void restartsOlderThanTheWindowNoLongerCountSoARareCrashRestartsQuickly() {
        assertThat(policy.nextDelay(restartsAgo(3600, 3000, 2400, 1800), now)).contains(Duration.ofSeconds(1));
    }

    @Test
    void aLimitOfZeroTurnsRestartingOff() {
        RestartPolicy never =
                new RestartPolicy(0, Duration.ofMinutes(10), Duration.ofSeconds(1), Duration.ofSeconds(1));

        assertThat(never.nextDelay(List.of(), now)).isEmpty();
    }

    private List<Instant> restartsAgo(long... seconds) {
        return java.util.Arrays.stream(seconds).mapToObj(now::minusSeconds).toList();
    }
}
