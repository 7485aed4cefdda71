package cn.fulian.infra.control;

import cn.fulian.infra.Component;
import cn.fulian.infra.Console;
import cn.fulian.infra.PlatformSettings;
import cn.fulian.infra.Topology;
import cn.fulian.infra.process.ChildStatus;
import cn.fulian.infra.process.ChildStatus.State;
import cn.fulian.infra.process.PidFiles;
import cn.fulian.infra.process.StatusFiles;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code ./platform status}: for each component its state as the launcher sees it (up, restarting, gave up, stopped —
 * from the status files the launcher keeps beside the pid files), its pid, how often it was restarted, its last
 * unexpected exit, and whether it answers on its port or health endpoint. Exit code 0 only if everything is up, so
 * scripts can wait on it.
 */
public final class StatusCommand {

    private static final String ROW = "  %-18s %-10s %-8s %-8s %-26s %-7s %s";
    private static final DateTimeFormatter EXIT_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final PlatformSettings settings;

    public StatusCommand(PlatformSettings settings) {
        this.settings = settings;
    }

    public int run() {
        PidFiles pids = new PidFiles(settings.pidDir());
        StatusFiles statuses = new StatusFiles(settings.pidDir());
        Optional<ProcessHandle> launcher = pids.live(PidFiles.LAUNCHER);
        Console.line("Platform state: %s", settings.state());
        Console.line(ROW, "component", "state", "pid", "restarts", "address", "answers", "last unexpected exit");
        Console.line(ROW, "launcher", launcher.isPresent() ? "up" : "stopped", pid(launcher), "", "", "", "");
        boolean allUp = launcher.isPresent();
        List<String> notes = new ArrayList<>();
        for (Component component : Topology.components(settings)) {
            boolean answers = component.probe().isUp();
            Row row = component.inLauncher()
                    ? inLauncher(component, launcher, answers)
                    : child(component, pids.live(component.name()), statuses.read(component.name()), launcher, answers);
            allUp &= row.up();
            Console.line(
                    ROW,
                    row.label(),
                    row.state(),
                    row.pid(),
                    row.restarts(),
                    component.address(),
                    row.answers(),
                    row.lastExit());
            row.note().ifPresent(notes::add);
        }
        notes.forEach(Console::line);
        settings.externalMongoUri().ifPresent(uri -> Console.line("  MongoDB is external: %s", uri));
        settings.externalKafka().ifPresent(servers -> Console.line("  Kafka is external: %s", servers));
        Console.line(
                allUp
                        ? "All components are up."
                        : launcher.isPresent() ? "Some components are not up." : "The platform is not running.");
        return allUp ? 0 : 1;
    }

    /** One line of the table, and a sentence under it for what needs a person's attention. */
    record Row(
            String label,
            String state,
            String pid,
            String restarts,
            String answers,
            String lastExit,
            boolean up,
            Optional<String> note) {}

    private static Row inLauncher(Component component, Optional<ProcessHandle> launcher, boolean answers) {
        return new Row(
                component.label(),
                launcher.isPresent() ? "up" : "stopped",
                pid(launcher),
                "",
                answers ? "UP" : "no",
                "",
                launcher.isPresent() && answers,
                Optional.empty());
    }

    /**
     * A child's row: the launcher's recorded state, checked against what runs. Without a live launcher nothing
     * supervises the children any more, whatever the file last said.
     */
    static Row child(
            Component component,
            Optional<ProcessHandle> process,
            Optional<ChildStatus> recorded,
            Optional<ProcessHandle> launcher,
            boolean answers) {
        String state;
        Optional<String> note = Optional.empty();
        if (launcher.isEmpty()) {
            state = process.isPresent() ? "orphaned" : "stopped";
            if (process.isPresent()) {
                note = Optional.of("  ! " + component.label() + " runs without its launcher (killed?):"
                        + " ./platform down stops it");
            }
        } else if (recorded.isEmpty()) {
            state = process.isPresent() ? "starting" : "stopped";
        } else {
            state = recorded.get().state().label();
            if (recorded.get().state() == State.GAVE_UP) {
                note = Optional.of("  ! " + component.label() + " kept exiting and is no longer restarted; see its log"
                        + " in logs/, then ./platform down and ./platform up");
            } else if (recorded.get().state() == State.UP && process.isEmpty()) {
                state = "gone";
            }
        }
        String restarts = recorded.map(r -> Integer.toString(r.restarts())).orElse("-");
        String lastExit = recorded.flatMap(ChildStatus::lastUnexpectedExit)
                .map(exit -> describe(exit.at(), exit.code()))
                .orElse("-");
        boolean up = launcher.isPresent() && process.isPresent() && answers;
        return new Row(component.label(), state, pid(process), restarts, answers ? "UP" : "no", lastExit, up, note);
    }

    static String describe(Instant at, int code) {
        return String.format(
                Locale.ROOT,
                "%s, exit code %d",
                LocalDateTime.ofInstant(at.truncatedTo(ChronoUnit.SECONDS), ZoneId.systemDefault())
                        .format(EXIT_TIME),
                code);
    }

    private static String pid(Optional<ProcessHandle> process) {
        return process.map(p -> Long.toString(p.pid())).orElse("-");
    }
}
