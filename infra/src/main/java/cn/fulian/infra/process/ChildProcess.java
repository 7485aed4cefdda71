package cn.fulian.infra.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A process the launcher started (Keycloak's {@code kc.sh} or a service JVM), with its output in its own log file.
 * Stopping covers descendants: {@code kc.sh} runs Keycloak's JVM as a child, and killing only the script would leave
 * that JVM holding its port.
 */
public final class ChildProcess {

    private final String name;
    private final String label;
    private final Process process;
    private final Path log;
    private volatile List<ProcessHandle> descendantsAtStop = List.of();

    private ChildProcess(String name, String label, Process process, Path log) {
        this.name = name;
        this.label = label;
        this.process = process;
        this.log = log;
    }

    /** Starts {@code command} with its output and errors in {@code log}; the previous run's log is kept beside it. */
    public static ChildProcess start(String name, String label, ProcessBuilder command, Path log) throws IOException {
        LogFiles.keepPrevious(log);
        return launch(name, label, command.redirectOutput(log.toFile()), log);
    }

    /**
     * Starts {@code command} again after it exited: its output goes on in the same {@code log} after {@code marker},
     * so the crash and the restart read as one story.
     */
    public static ChildProcess restart(String name, String label, ProcessBuilder command, Path log, String marker)
            throws IOException {
        Files.writeString(
                log,
                System.lineSeparator() + marker + System.lineSeparator(),
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        return launch(name, label, command.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())), log);
    }

    private static ChildProcess launch(String name, String label, ProcessBuilder command, Path log) throws IOException {
        command.redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.PIPE);
        Process process = command.start();
        process.getOutputStream().close();
        return new ChildProcess(name, label, process, log);
    }

    public String name() {
        return name;
    }

    public String label() {
        return label;
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public int exitValue() {
        return process.exitValue();
    }

    public Process process() {
        return process;
    }

    /**
     * Sends SIGTERM to the process's descendants, or to the process itself when it has none. Keycloak's JVM is the
     * child of {@code kc.sh}: it is asked first, so that it closes its database while the script waits for it. The
     * descendants are remembered, since they are re-parented once the script exits.
     */
    public void requestStop() {
        descendantsAtStop = process.descendants().toList();
        if (descendantsAtStop.isEmpty()) {
            process.destroy();
        } else {
            descendantsAtStop.forEach(ProcessHandle::destroy);
        }
    }

    /**
     * Waits up to {@code grace} for the descendants to exit, then for the process (asking it too, should it still run),
     * and only then kills what is left.
     *
     * @return true if everything stopped within the grace period
     */
    public boolean awaitStop(Duration grace) {
        long deadline = System.nanoTime() + grace.toNanos();
        boolean clean = true;
        for (ProcessHandle descendant : descendantsAtStop) {
            clean &= waitUntil(descendant, deadline);
        }
        if (process.isAlive() && !descendantsAtStop.isEmpty()) {
            process.destroy();
        }
        clean &= waitUntil(process.toHandle(), deadline);
        if (!clean) {
            descendantsAtStop.forEach(ProcessHandle::destroyForcibly);
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            try {
                process.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return clean;
    }

    private static boolean waitUntil(ProcessHandle handle, long deadlineNanos) {
        try {
            long left = Math.max(0, deadlineNanos - System.nanoTime());
            handle.onExit().get(left, TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException | ExecutionException e) {
            return !handle.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !handle.isAlive();
        }
    }
}
