package cn.fulian.infra.process;

import cn.fulian.infra.Console;
import cn.fulian.infra.probe.Probe;
import cn.fulian.infra.process.ChildStatus.Exit;
import cn.fulian.infra.process.ChildStatus.State;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A child process the launcher keeps running: when it exits without being asked to, it is started again with the same
 * command, port and settings, logging on into the same file, after the {@link RestartPolicy}'s backoff, until the
 * policy gives it up. Every change goes to its pid file and its {@link StatusFiles status file} for {@code ./platform
 * status}, and to the console.
 *
 * <p>Supervision begins with {@link #supervise()}, once the platform is up: an exit during {@code up} is a start
 * failure, reported by {@code up} itself. After {@link #stop()} nothing is restarted.
 */
public final class SupervisedChild {

    /** Starts the child; {@code restartMarker} is empty for the first start and the log line to append otherwise. */
    @FunctionalInterface
    public interface Launch {
        ChildProcess start(Optional<String> restartMarker) throws IOException;
    }

    /**
     * A child killed by SIGINT or SIGTERM is given this long before it counts as unexpected: Ctrl-C reaches the
     * children together with the launcher, and the launcher's own stop may be a moment behind.
     */
    static final Duration SIGNAL_GRACE = Duration.ofSeconds(1);

    private static final Duration PROBE_INTERVAL = Duration.ofMillis(250);
    private static final int EXIT_SIGINT = 130;
    private static final int EXIT_SIGTERM = 143;
    private static final int LAUNCH_FAILED = -1;

    private final String name;
    private final String label;
    private final Launch launch;
    private final Probe probe;
    private final Runnable whenUp;
    private final RestartPolicy policy;
    private final ScheduledExecutorService scheduler;
    private final PidFiles pids;
    private final StatusFiles statuses;
    private final Clock clock;
    private final List<Instant> restartTimes = new ArrayList<>();

    private ChildProcess child;
    private ChildStatus status;
    private boolean supervising;
    private boolean stopRequested;
    private Future<?> pending;
    /** The process whose exit was last handled: its exit is seen both by {@link #supervise()} and its onExit. */
    private ChildProcess exitHandled;

    private long exitedAtNanos;

    /**
     * @param whenUp run each time the child answers again after a restart (Keycloak records its JVM's pid then)
     */
    public SupervisedChild(
            String name,
            String label,
            Launch launch,
            Probe probe,
            Runnable whenUp,
            RestartPolicy policy,
            ScheduledExecutorService scheduler,
            PidFiles pids,
            StatusFiles statuses,
            Clock clock) {
        this.name = name;
        this.label = label;
        this.launch = launch;
        this.probe = probe;
        this.whenUp = whenUp;
        this.policy = policy;
        this.scheduler = scheduler;
        this.pids = pids;
        this.statuses = statuses;
        this.clock = clock;
    }

    /** The first start, during {@code up}. */
    public synchronized ChildProcess start() throws IOException {
        ChildProcess started = launch.start(Optional.empty());
        child = started;
        pids.write(name, started.pid());
        publish(ChildStatus.starting(started.pid()));
        started.process().onExit().thenRun(() -> exited(started));
        return started;
    }

    /** The first start answered: from now on an exit is a crash to recover from. */
    public synchronized void markUp() {
        publish(status.with(State.UP));
    }

    /** Begins restarting the child whenever it exits unexpectedly (also if it already did). */
    public synchronized void supervise() {
        supervising = true;
        if (child != null && !child.isAlive()) {
            exited(child);
        }
    }

    /**
     * Ends supervision: nothing is restarted from now on, a pending restart is called off.
     *
     * @return the current process, for the caller to stop; empty if none runs
     */
    public synchronized Optional<ChildProcess> stop() {
        stopRequested = true;
        if (pending != null) {
            pending.cancel(false);
        }
        if (status != null) {
            publish(status.with(State.STOPPED));
        }
        return Optional.ofNullable(child).filter(ChildProcess::isAlive);
    }

    public synchronized ChildStatus status() {
        return status;
    }

    public synchronized Optional<ChildProcess> current() {
        return Optional.ofNullable(child);
    }

    public String label() {
        return label;
    }

    private synchronized void exited(ChildProcess which) {
        if (which != child || !supervising || stopRequested || which == exitHandled) {
            return;
        }
        exitHandled = which;
        int code = which.exitValue();
        if (code == EXIT_SIGINT || code == EXIT_SIGTERM) {
            pending = scheduler.schedule(() -> crashed(which, code), SIGNAL_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } else {
            crashed(which, code);
        }
    }

    private synchronized void crashed(ChildProcess which, int code) {
        if (which != child || stopRequested) {
            return;
        }
        Instant now = clock.instant();
        exitedAtNanos = System.nanoTime();
        Exit exit = new Exit(now, code);
        Optional<Duration> delay = policy.nextDelay(restartTimes, now);
        String why = code == LAUNCH_FAILED
                ? "could not be started again"
                : "exited unexpectedly (exit code " + code + describeSignal(code) + ")";
        if (delay.isEmpty()) {
            publish(new ChildStatus(State.GAVE_UP, which.pid(), status.restarts(), Optional.of(exit)));
            Console.failed(
                    label,
                    String.format(
                            Locale.ROOT,
                            "%s and is NOT restarted again: that is more than %s. It stays down; see %s, then"
                                    + " ./platform down and ./platform up to try again",
                            why,
                            policy.describeLimit(),
                            which.log()));
            return;
        }
        publish(new ChildStatus(State.RESTARTING, which.pid(), status.restarts(), Optional.of(exit)));
        Console.failed(
                label,
                String.format(
                        Locale.ROOT,
                        "%s at %s; restarting in %s (restart %d, at most %s), see %s",
                        why,
                        LocalTime.ofInstant(now, ZoneId.systemDefault()).truncatedTo(ChronoUnit.SECONDS),
                        describe(delay.get()),
                        status.restarts() + 1,
                        policy.describeLimit(),
                        which.log()));
        pending = scheduler.schedule(() -> restart(exit), delay.get().toMillis(), TimeUnit.MILLISECONDS);
    }

    private synchronized void restart(Exit after) {
        if (stopRequested) {
            return;
        }
        restartTimes.add(clock.instant());
        int restarts = status.restarts() + 1;
        String marker = String.format(
                Locale.ROOT,
                "===== %s: restarted by the platform launcher (restart %d) after exit code %d at %s =====",
                clock.instant().truncatedTo(ChronoUnit.MILLIS),
                restarts,
                after.code(),
                after.at().truncatedTo(ChronoUnit.MILLIS));
        ChildProcess restarted;
        try {
            restarted = launch.start(Optional.of(marker));
        } catch (IOException | RuntimeException e) {
            Console.failed(label, "could not be started again: " + e.getMessage());
            status = new ChildStatus(status.state(), status.pid(), restarts, status.lastUnexpectedExit());
            crashed(child, LAUNCH_FAILED);
            return;
        }
        child = restarted;
        pids.write(name, restarted.pid());
        publish(new ChildStatus(State.RESTARTING, restarted.pid(), restarts, Optional.of(after)));
        restarted.process().onExit().thenRun(() -> exited(restarted));
        pending = scheduler.schedule(() -> awaitAnswer(restarted), 0, TimeUnit.MILLISECONDS);
    }

    /** Polls the probe outside the lock (a probe may take a second or more) until the restarted child answers. */
    private void awaitAnswer(ChildProcess restarted) {
        boolean up = probe.isUp();
        synchronized (this) {
            if (restarted != child || stopRequested || !restarted.isAlive()) {
                return;
            }
            if (!up) {
                pending = scheduler.schedule(
                        () -> awaitAnswer(restarted), PROBE_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
                return;
            }
            publish(status.with(State.UP));
            Console.line(
                    "  ✓ %-18s answers again after restart %d (%s after it exited)",
                    label, status.restarts(), Console.elapsed(exitedAtNanos));
        }
        whenUp.run();
    }

    private void publish(ChildStatus newStatus) {
        status = newStatus;
        statuses.write(name, newStatus);
    }

    private static String describeSignal(int code) {
        return switch (code) {
            case 137 -> ", killed by SIGKILL";
            case 143 -> ", SIGTERM";
            case 130 -> ", SIGINT";
            case 134 -> ", SIGABRT";
            default -> "";
        };
    }

    private static String describe(Duration delay) {
        return delay.toMillis() % 1000 == 0
                ? delay.toSeconds() + " s"
                : String.format(Locale.ROOT, "%.1f s", delay.toMillis() / 1000.0);
    }

    /** The log the child writes to; unchanged across restarts. */
    public synchronized Path log() {
        return child.log();
    }
}
