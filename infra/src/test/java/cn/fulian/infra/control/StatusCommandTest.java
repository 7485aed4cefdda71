package cn.fulian.infra.control;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fulian.infra.Component;
import cn.fulian.infra.control.StatusCommand.Row;
import cn.fulian.infra.process.ChildStatus;
import cn.fulian.infra.process.ChildStatus.Exit;
import cn.fulian.infra.process.ChildStatus.State;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StatusCommandTest {

    private static final Component REPORTING =
            new Component("reporting-service", "reporting-service", "http://127.0.0.1:8084", () -> true, false);
    private static final Optional<ProcessHandle> RUNNING = Optional.of(ProcessHandle.current());
    private static final Instant KILLED_AT = Instant.parse("2026-12-01T10:15:30Z");

    @Test
    void aRestartedServiceShowsUpWithItsRestartCountAndItsLastUnexpectedExit() {
        ChildStatus recorded = new ChildStatus(State.UP, 4242, 1, Optional.of(new Exit(KILLED_AT, 137)));

        Row row = StatusCommand.child(REPORTING, RUNNING, Optional.of(recorded), RUNNING, true);

        assertThat(row.state()).isEqualTo("up");
        assertThat(row.restarts()).isEqualTo("1");
        assertThat(row.lastExit())
                .isEqualTo(StatusCommand.describe(KILLED_AT, 137))
                .contains("exit code 137");
        assertThat(row.up()).isTrue();
    }

    @Test
    void aServiceBetweenItsExitAndItsRestartIsRestartingAndNotUp() {
        ChildStatus recorded = new ChildStatus(State.RESTARTING, 4242, 2, Optional.of(new Exit(KILLED_AT, 1)));

        Row row = StatusCommand.child(REPORTING, Optional.empty(), Optional.of(recorded), RUNNING, false);

        assertThat(row.state()).isEqualTo("restarting");
        assertThat(row.restarts()).isEqualTo("2");
        assertThat(row.up()).isFalse();
    }

    @Test
    void aServiceGivenUpSaysSoAndWhatToDo() {
        ChildStatus recorded = new ChildStatus(State.GAVE_UP, 4242, 5, Optional.of(new Exit(KILLED_AT, 1)));

        Row row = StatusCommand.child(REPORTING, Optional.empty(), Optional.of(recorded), RUNNING, false);

        assertThat(row.state()).isEqualTo("gave up");
        assertThat(row.restarts()).isEqualTo("5");
        assertThat(row.note()).hasValueSatisfying(note -> assertThat(note).contains("no longer restarted"));
        assertThat(row.up()).isFalse();
    }

    @Test
    void aServiceStillRunningAfterItsLauncherWasKilledIsOrphaned() {
        ChildStatus recorded = new ChildStatus(State.UP, 4242, 0, Optional.empty());

        Row row = StatusCommand.child(REPORTING, RUNNING, Optional.of(recorded), Optional.empty(), true);

        assertThat(row.state()).isEqualTo("orphaned");
        assertThat(row.lastExit()).isEqualTo("-");
        assertThat(row.note()).hasValueSatisfying(note -> assertThat(note).contains("./platform down"));
        assertThat(row.up()).isFalse();
    }

    @Test
    void afterDownEveryServiceIsStoppedWithTheRestartsOfTheLastRun() {
        ChildStatus recorded = new ChildStatus(State.STOPPED, 4242, 1, Optional.of(new Exit(KILLED_AT, 137)));

        Row row = StatusCommand.child(REPORTING, Optional.empty(), Optional.of(recorded), Optional.empty(), false);

        assertThat(row.state()).isEqualTo("stopped");
        assertThat(row.restarts()).isEqualTo("1");
    }
}
