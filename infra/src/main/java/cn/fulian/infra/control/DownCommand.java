package cn.fulian.infra.control;

import cn.fulian.infra.Console;
import cn.fulian.infra.PlatformSettings;
import cn.fulian.infra.process.PidFiles;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code ./platform down}: asks the launcher to stop (SIGTERM runs its shutdown hook, which stops everything in order),
 * then kills whatever recorded process is still alive, for the case of a launcher that was killed outright.
 */
public final class DownCommand {

    /** Longer than the launcher's own worst case: 10 s for the services, then 30 s for Keycloak, then Kafka. */
    private static final Duration LAUNCHER_GRACE = Duration.ofSeconds(75);

    /** Leftovers of a launcher killed outright include Keycloak, which needs the time to close its database. */
    private static final Duration LEFTOVER_GRACE = Duration.ofSeconds(30);

    private final PlatformSettings settings;

    public DownCommand(PlatformSettings settings) {
        this.settings = settings;
    }

    public int run() {
        PidFiles pids = new PidFiles(settings.pidDir());
        Map<String, ProcessHandle> live = pids.live();
        if (live.isEmpty()) {
            pids.deleteAll();
            Console.line("The platform is not running.");
            return 0;
        }
        ProcessHandle launcher = live.get(PidFiles.LAUNCHER);
        if (launcher != null) {
            Console.line("Stopping the platform (launcher pid %d) …", launcher.pid());
            launcher.destroy();
            if (!await(List.of(launcher), LAUNCHER_GRACE)) {
                Console.line("  ! the launcher did not stop within %d s, killing it", LAUNCHER_GRACE.toSeconds());
            }
        }
        List<ProcessHandle> leftovers = new ArrayList<>();
        pids.live().forEach((name, process) -> {
            Console.line("  stopping %s (pid %d)", name, process.pid());
            leftovers.add(process);
            leftovers.addAll(process.descendants().toList());
        });
        leftovers.forEach(ProcessHandle::destroy);
        if (!await(leftovers, LEFTOVER_GRACE)) {
            leftovers.forEach(ProcessHandle::destroyForcibly);
            await(leftovers, LEFTOVER_GRACE);
        }
        pids.deleteAll();
        Console.line("stopped");
        return 0;
    }

    private static boolean await(List<ProcessHandle> processes, Duration grace) {
        long deadline = System.nanoTime() + grace.toNanos();
        boolean allGone = true;
        for (ProcessHandle process : processes) {
            try {
                process.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException | ExecutionException e) {
                allGone &= !process.isAlive();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return allGone;
    }
}
