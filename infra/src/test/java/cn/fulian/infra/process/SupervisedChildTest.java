package cn.fulian.infra.process;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fulian.infra.process.ChildStatus.State;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Supervision of a tiny shell child in place of a service: what a crash, a crash loop and a stop lead to. */
class SupervisedChildTest {

    private static final Duration BACKOFF = Duration.ofMillis(200);
    private static final String RESTART_MARKER = "restarted by the platform launcher";

    @TempDir
    Path dir;

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final List<SupervisedChild> started = new ArrayList<>();

    @AfterEach
    void stopEverything() {
        for (SupervisedChild child : started) {
            child.stop().ifPresent(p -> {
                p.requestStop();
                p.awaitStop(Duration.ofSeconds(5));
            });
        }
        scheduler.shutdownNow();
    }

    @Test
    void aChildKilledOutrightIsRestartedAfterTheBackoffOnTheSameLogAndItsStatusShowsTheRestart() throws Exception {
        SupervisedChild child = supervise("reporting-service", "echo started; exec sleep 60", 3);
        ChildProcess first = child.current().orElseThrow();
        Path log = dir.resolve("reporting-service.log");
        while (!Files.readString(log).contains("started")) {
            Thread.sleep(5);
        }

        long killedAt = System.nanoTime();
        first.process().destroyForcibly();
        while (child.current().orElseThrow() == first) {
            Thread.sleep(5);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - killedAt))
                .as("restarted only after the backoff")
                .isGreaterThanOrEqualTo(BACKOFF);

        ChildStatus status = awaitStatus("reporting-service", s -> s.state() == State.UP && s.restarts() == 1);
        ChildProcess second = child.current().orElseThrow();
        assertThat(second.pid()).isNotEqualTo(first.pid());
        assertThat(second.isAlive()).isTrue();
        assertThat(new PidFiles(dir.resolve("pids")).live("reporting-service"))
                .map(ProcessHandle::pid)
                .contains(second.pid());
        assertThat(status.pid()).isEqualTo(second.pid());
        assertThat(status.lastUnexpectedExit()).map(ChildStatus.Exit::code).contains(137);
        assertThat(Files.readString(dir.resolve("reporting-service.log"), StandardCharsets.UTF_8))
                .containsSubsequence("started", RESTART_MARKER + " (restart 1) after exit code 137", "started");
    }

    @Test
    void aChildThatKeepsCrashingIsGivenUpAfterTheLimitAndItsStatusSaysSo() throws Exception {
        long before = System.nanoTime();
        supervise("gateway", "echo crashing; exit 7", 2);

        ChildStatus status = awaitStatus("gateway", s -> s.state() == State.GAVE_UP);

        assertThat(status.restarts()).isEqualTo(2);
        assertThat(status.lastUnexpectedExit()).map(ChildStatus.Exit::code).contains(7);
        assertThat(Duration.ofNanos(System.nanoTime() - before))
                .as("waited the backoff, then twice as long")
                .isGreaterThanOrEqualTo(BACKOFF.multipliedBy(3));
        Thread.sleep(BACKOFF.multipliedBy(3).toMillis());
        assertThat(statuses().read("gateway")).map(ChildStatus::state).contains(State.GAVE_UP);
        assertThat(Files.readString(dir.resolve("gateway.log"), StandardCharsets.UTF_8))
                .containsSubsequence("crashing", RESTART_MARKER, "crashing", RESTART_MARKER, "crashing")
                .doesNotContain("(restart 3)");
    }

    @Test
    void aDeliberateStopIsNotFollowedByARestart() throws Exception {
        SupervisedChild child = supervise("planning-service", "exec sleep 60", 3);

        ChildProcess process = child.stop().orElseThrow();
        process.requestStop();
        assertThat(process.awaitStop(Duration.ofSeconds(5))).isTrue();
        Thread.sleep(SupervisedChild.SIGNAL_GRACE.plus(BACKOFF.multipliedBy(3)).toMillis());

        ChildStatus status = statuses().read("planning-service").orElseThrow();
        assertThat(status.state()).isEqualTo(State.STOPPED);
        assertThat(status.restarts()).isZero();
        assertThat(status.lastUnexpectedExit()).isEmpty();
        assertThat(child.current()).contains(process);
        assertThat(Files.readString(dir.resolve("planning-service.log"))).doesNotContain(RESTART_MARKER);
    }

    @Test
    void aChildEndedByCtrlCJustBeforeTheLauncherStopsIsNotRestarted() throws Exception {
        SupervisedChild child = supervise("activity-service", "exec sleep 60", 3);
        ChildProcess process = child.current().orElseThrow();

        // Ctrl-C reaches the child first; the launcher's stop follows a moment later.
        process.process().destroy();
        process.process().waitFor();
        Thread.sleep(100);
        child.stop();
        Thread.sleep(SupervisedChild.SIGNAL_GRACE.plus(BACKOFF.multipliedBy(3)).toMillis());

        assertThat(statuses().read("activity-service"))
                .hasValueSatisfying(s -> assertThat(s.state()).isEqualTo(State.STOPPED))
                .hasValueSatisfying(s -> assertThat(s.restarts()).isZero());
        assertThat(child.current()).contains(process);
    }

    private SupervisedChild supervise(String name, String script, int limit) throws IOException {
        Path log = dir.resolve(name + ".log");
        SupervisedChild child = new SupervisedChild(
                name,
                name,
                marker -> {
                    ProcessBuilder command = new ProcessBuilder("sh", "-c", script);
                    return marker.isPresent()
                            ? ChildProcess.restart(name, name, command, log, marker.get())
                            : ChildProcess.start(name, name, command, log);
                },
                () -> true,
                () -> {},
                new RestartPolicy(limit, Duration.ofMinutes(1), BACKOFF, Duration.ofSeconds(5)),
                scheduler,
                new PidFiles(dir.resolve("pids")),
                statuses(),
                Clock.systemUTC());
        started.add(child);
        child.start();
        child.markUp();
        child.supervise();
        return child;
    }

    private StatusFiles statuses() {
        return new StatusFiles(dir.resolve("pids"));
    }

    private ChildStatus awaitStatus(String name, Predicate<ChildStatus> condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        Optional<ChildStatus> status = statuses().read(name);
        while (status.filter(condition).isEmpty()) {
            assertThat(System.nanoTime())
                    .as("status of %s now %s", name, status)
                    .isLessThan(deadline);
            Thread.sleep(50);
            status = statuses().read(name);
        }
        return status.get();
    }
}
