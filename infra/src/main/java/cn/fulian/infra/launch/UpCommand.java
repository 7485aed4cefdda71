package cn.fulian.infra.launch;

import cn.fulian.infra.Console;
import cn.fulian.infra.PlatformSettings;
import cn.fulian.infra.Topology;
import cn.fulian.infra.federation.FederationSettings;
import cn.fulian.infra.keycloak.DemoAccounts;
import cn.fulian.infra.keycloak.DemoAccounts.DemoAccount;
import cn.fulian.infra.keycloak.KeycloakDistribution;
import cn.fulian.infra.keycloak.KeycloakServer;
import cn.fulian.infra.keycloak.RealmGenerator;
import cn.fulian.infra.probe.PortCheck;
import cn.fulian.infra.probe.PortNeed;
import cn.fulian.infra.process.LogFiles;
import cn.fulian.infra.process.PidFiles;
import cn.fulian.infra.service.JavaService;
import cn.fulian.infra.service.LocalSecrets;
import cn.fulian.infra.service.Services;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * {@code ./platform up}: refuses early (platform already running, a jar missing, a port taken) before starting
 * anything, then starts the platform and stays in the foreground until Ctrl-C or SIGTERM.
 */
public final class UpCommand {

    private static final int LOG_LINES_ON_FAILURE = 30;

    private final PlatformSettings settings;

    public UpCommand(PlatformSettings settings) {
        this.settings = settings;
    }

    /** @return the exit code when the start failed; does not return once the platform is running */
    public int run() throws InterruptedException {
        long since = System.nanoTime();
        PidFiles pids = new PidFiles(settings.pidDir());
        Map<String, ProcessHandle> live = pids.live();
        if (!live.isEmpty()) {
            ProcessHandle running = live.getOrDefault(
                    PidFiles.LAUNCHER, live.values().iterator().next());
            Console.error("The platform is already running (pid " + running.pid() + "), use ./platform down");
            return 1;
        }
        if (!pids.recorded().isEmpty()) {
            Console.line("Removing pid files of an earlier platform that did not stop cleanly.");
            pids.deleteAll();
        }
        List<String> problems = missingFiles();
        if (!problems.isEmpty()) {
            Console.error("Cannot start, these files are missing:");
            problems.forEach(p -> Console.error("  - " + p));
            Console.error("Build them first: mvn -DskipTests install   (./platform up builds what is missing itself)");
            return 1;
        }
        List<PortNeed> ports = Topology.ports(settings);
        List<String> duplicates = PortCheck.duplicates(ports);
        List<PortNeed> busy = PortCheck.inUse(PlatformSettings.HOST, ports);
        if (!duplicates.isEmpty() || !busy.isEmpty()) {
            duplicates.forEach(Console::error);
            busy.forEach(need -> Console.error(need.inUseMessage()));
            return 1;
        }

        FederationSettings federation;
        try {
            federation = FederationSettings.load(settings.federationFile());
        } catch (IllegalArgumentException e) {
            Console.error("Cannot start: " + e.getMessage());
            return 1;
        }
        Console.line(
                "Starting the 妇联 platform for %s (settings: %s, state: %s)",
                federation.name(), federation.file(), settings.state());
        LocalSecrets secrets = new LocalSecrets(settings.state().resolve("secrets"), System.getenv());
        boolean firstAdminPassword = !federation.demo() && !secrets.hasInitialAdminPassword();
        RunningPlatform platform = new RunningPlatform(settings, federation, pids);
        Runtime.getRuntime().addShutdownHook(new Thread(platform::stop, "platform-stop"));
        try {
            settings.replicas().note(settings.state());
            platform.start(since);
        } catch (StopRequested e) {
            return 130;
        } catch (StartupFailure failure) {
            Console.failed(failure.label(), failure.getMessage());
            failure.log().ifPresent(UpCommand::printTail);
            platform.stop();
            return 1;
        } catch (IOException | RuntimeException e) {
            LoggerFactory.getLogger(UpCommand.class).error("start failed", e);
            Console.error(
                    "Start failed: " + e + " (details in " + settings.logDir().resolve("infra.log") + ")");
            platform.stop();
            return 1;
        }
        printReady(since, federation, firstAdminPassword ? secrets.initialAdminPassword() : null);
        platform.superviseChildren();
        Thread.currentThread().join();
        return 0;
    }

    private List<String> missingFiles() {
        List<String> missing = new ArrayList<>();
        if (!new KeycloakDistribution(settings.keycloakHome()).isUnpacked()
                && !Files.isRegularFile(settings.keycloakZip())) {
            missing.add(settings.keycloakZip() + "  (the Keycloak distribution, copied there by the infra build)");
        }
        if (!Files.isRegularFile(settings.realmJson())) {
            missing.add(settings.realmJson().toString());
        }
        for (JavaService service : Services.all(settings)) {
            Path jar = service.jar(settings.root(), Services.VERSION);
            if (!Files.isRegularFile(jar)) {
                missing.add(jar.toString());
            }
        }
        return missing;
    }

    private void printReady(long since, FederationSettings federation, String firstAdminPassword) {
        Console.line("");
        Console.line("PLATFORM READY in %s", Console.elapsed(since));
        Console.line("");
        Console.line("  Web console and API   %s", settings.gatewayUrl());
        List<JavaService> all = Services.all(settings);
        if (all.stream().anyMatch(s -> s.instance() > 1)) {
            for (JavaService service : all) {
                if (all.stream().filter(s -> s.name().equals(service.name())).count() > 1) {
                    Console.line("  %-21s %s", service.id(), service.url());
                }
            }
        }
        Console.line(
                "  Keycloak              %s   (admin console: %s / %s)",
                settings.keycloakUrl(),
                KeycloakServer.ADMIN_USER,
                System.getenv("KEYCLOAK_ADMIN_PASSWORD") != null
                        ? "$KEYCLOAK_ADMIN_PASSWORD"
                        : "password in "
                                + new LocalSecrets(settings.state().resolve("secrets"), Map.of())
                                        .keycloakAdminPasswordFile());
        settings.externalMongoUri().ifPresent(uri -> Console.line("  MongoDB               %s (external)", uri));
        settings.externalKafka().ifPresent(servers -> Console.line("  Kafka                 %s (external)", servers));
        Console.line("");
        if (federation.demo()) {
            Console.line("  Demo accounts, password \"%s\" for all:", DemoAccounts.PASSWORD);
            Console.line("    %-16s %-26s %-26s %s", "user", "roles", "unit", "");
            for (DemoAccount account : DemoAccounts.ALL) {
                Console.line(
                        "    %-16s %-26s %-26s %s",
                        account.username(), String.join(",", account.roles()), account.unitPath(), account.unitName());
            }
        } else if (firstAdminPassword != null) {
            Console.line(
                    "  Administrator of %s: user \"%s\", first password %s (shown once; Keycloak asks for a new one"
                            + " at the first login; it is kept in %s until then)",
                    federation.rootName(),
                    RealmGenerator.INITIAL_ADMIN,
                    firstAdminPassword,
                    settings.state().resolve("secrets"));
        } else {
            Console.line(
                    "  Administrator of %s: user \"%s\" (the first password was printed at the first start)",
                    federation.rootName(), RealmGenerator.INITIAL_ADMIN);
        }
        Console.line("");
        Console.line(
                "  Logs: %s  (<service>.log rotated at %s%s; warnings and errors also in <service>.out; Kafka and"
                        + " MongoDB in infra.log)",
                settings.logDir(),
                settings.logMaxFileSize(),
                settings.logFormat().map(f -> ", as " + f + " JSON").orElse(""));
        Console.line(
                "  A service, the gateway or Keycloak that exits unexpectedly is restarted (at most %s).",
                settings.restartPolicy().describeLimit());
        Console.line("  Ctrl-C stops everything (or ./platform down from another terminal).");
    }

    private static void printTail(Path log) {
        Console.error("  last " + LOG_LINES_ON_FAILURE + " lines of " + log + ":");
        LogFiles.tail(log, LOG_LINES_ON_FAILURE).forEach(line -> Console.error("    | " + line));
    }
}
