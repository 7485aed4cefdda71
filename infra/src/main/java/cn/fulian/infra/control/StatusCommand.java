package cn.fulian.infra.control;

import cn.fulian.infra.Component;
import cn.fulian.infra.Console;
import cn.fulian.infra.PlatformSettings;
import cn.fulian.infra.Topology;
import cn.fulian.infra.process.PidFiles;
import java.util.Optional;

/**
 * {@code ./platform status}: for each component, whether its recorded process is alive and whether it answers on its
 * port or health endpoint. Exit code 0 only if everything is up, so scripts can wait on it.
 */
public final class StatusCommand {

    private static final String ROW = "  %-18s %-8s %-8s %-26s %s";

    private final PlatformSettings settings;

    public StatusCommand(PlatformSettings settings) {
        this.settings = settings;
    }

    public int run() {
        PidFiles pids = new PidFiles(settings.pidDir());
        Optional<ProcessHandle> launcher = pids.live(PidFiles.LAUNCHER);
        Console.line("Platform state: %s", settings.state());
        Console.line(ROW, "component", "pid", "process", "address", "answers");
        Console.line(ROW, "launcher", pid(launcher), alive(launcher), "", "");
        boolean allUp = launcher.isPresent();
        for (Component component : Topology.components(settings)) {
            Optional<ProcessHandle> process = component.inLauncher() ? launcher : pids.live(component.name());
            boolean answers = component.probe().isUp();
            allUp &= process.isPresent() && answers;
            Console.line(
                    ROW, component.label(), pid(process), alive(process), component.address(), answers ? "UP" : "no");
        }
        settings.externalMongoUri().ifPresent(uri -> Console.line("  MongoDB is external: %s", uri));
        settings.externalKafka().ifPresent(servers -> Console.line("  Kafka is external: %s", servers));
        Console.line(
                allUp
                        ? "All components are up."
                        : launcher.isPresent() ? "Some components are not up." : "The platform is not running.");
        return allUp ? 0 : 1;
    }

    private static String pid(Optional<ProcessHandle> process) {
        return process.map(p -> Long.toString(p.pid())).orElse("-");
    }

    private static String alive(Optional<ProcessHandle> process) {
        return process.isPresent() ? "alive" : "gone";
    }
}
