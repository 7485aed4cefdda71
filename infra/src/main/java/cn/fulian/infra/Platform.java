package cn.fulian.infra;

import cn.fulian.infra.control.DownCommand;
import cn.fulian.infra.control.StatusCommand;
import cn.fulian.infra.keycloak.RealmCommand;
import cn.fulian.infra.launch.UpCommand;
import cn.fulian.infra.service.Replicas;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Entry point of {@code infra.jar}: {@code up}, {@code down} or {@code status}. The root {@code ./platform} script
 * builds what is missing and then runs this. {@code realm} writes the realm a Docker Compose or Kubernetes deployment's
 * Keycloak imports; it needs no state folder.
 */
public final class Platform {

    /** Read by {@code logback.xml}: Kafka, H2 and the Mongo-wire server log to {@code <state>/logs/infra.log}. */
    static final String LOG_DIR_PROPERTY = "fulian.infra.logs";

    private Platform() {}

    public static void main(String[] args) throws InterruptedException {
        if (args.length > 0 && args[0].equals("realm")) {
            System.exit(RealmCommand.run(List.of(args).subList(1, args.length), System.getenv(), root()));
        }
        if (args.length != 1) {
            System.exit(usage());
        }
        PlatformSettings settings;
        try {
            settings = PlatformSettings.fromEnvironment(environment(args[0]), root());
            Files.createDirectories(settings.logDir());
        } catch (IllegalArgumentException | IOException e) {
            Console.error(e.getMessage());
            System.exit(2);
            return;
        }
        // Before the first logger exists: logback reads this property once, when it initialises.
        System.setProperty(LOG_DIR_PROPERTY, settings.logDir().toString());
        int exitCode = switch (args[0]) {
            case "up" -> new UpCommand(settings).run();
            case "down" -> new DownCommand(settings).run();
            case "status" -> new StatusCommand(settings).run();
            default -> usage();
        };
        System.exit(exitCode);
    }

    /**
     * The environment, and for {@code status} and {@code down} without {@code PLATFORM_REPLICAS} the replicas the
     * running platform was started with.
     */
    private static Map<String, String> environment(String command) {
        Map<String, String> env = new HashMap<>(System.getenv());
        if (!command.equals("up")
                && (env.get("PLATFORM_REPLICAS") == null
                        || env.get("PLATFORM_REPLICAS").isBlank())) {
            PlatformSettings plain = PlatformSettings.fromEnvironment(env, root());
            Replicas.noted(plain.state()).ifPresent(noted -> env.put("PLATFORM_REPLICAS", noted));
        }
        return env;
    }

    /**
     * The repository checkout: {@code PLATFORM_ROOT} if set, else three levels above {@code infra/target/infra.jar}
     * (so {@code java -jar /path/to/infra/target/infra.jar up} works from any folder), else the current folder.
     */
    static Path root() {
        String explicit = System.getenv("PLATFORM_ROOT");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit).toAbsolutePath();
        }
        Path classPath = Path.of(System.getProperty("java.class.path")).toAbsolutePath();
        if (classPath.getFileName().toString().endsWith(".jar") && Files.isRegularFile(classPath)) {
            Path target = classPath.getParent();
            if (target != null
                    && target.getParent() != null
                    && target.getParent().getParent() != null) {
                return target.getParent().getParent();
            }
        }
        return Path.of("").toAbsolutePath();
    }

    private static int usage() {
        Console.error(
                "usage: java -jar infra/target/infra.jar up|down|status   (or ./platform up [--detach]|down|status)");
        Console.error("       java -jar infra/target/infra.jar realm --settings <federation.yaml> --out <realm.json>"
                + " [--public-url https://…]   (the realm of a Docker Compose or Kubernetes deployment)");
        return 2;
    }
}
