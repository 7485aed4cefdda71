package cn.fulian.infra;

import cn.fulian.infra.federation.FederationSettings;
import cn.fulian.infra.process.RestartPolicy;
import cn.fulian.infra.service.Replicas;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Where the platform lives and which local ports it uses, read from the environment so that a second platform (the
 * system tests) can run next to a developer's one on another port set and state folder.
 *
 * @param root the repository checkout: the runnable jars and the realm JSON are found below it
 * @param state the git-ignored folder for data, logs and pid files ({@code PLATFORM_STATE}, default {@code
 *     <root>/.platform})
 * @param externalMongoUri set when {@code MONGODB_URI} points at a real MongoDB: the launcher then runs none
 * @param externalKafka set when {@code KAFKA_BOOTSTRAP_SERVERS} points at a real Kafka: the launcher then runs none
 * @param readyTimeout how long each component may take to become ready ({@code PLATFORM_READY_TIMEOUT} in seconds,
 *     default 180): a busy CI machine may need more
 * @param restartPolicy how a service, the gateway or Keycloak that exits unexpectedly is restarted: {@code
 *     PLATFORM_RESTART_LIMIT} restarts (default 5) within {@code PLATFORM_RESTART_WINDOW} minutes (default 10), after
 *     {@code PLATFORM_RESTART_BACKOFF} seconds (default 1) doubling up to {@code PLATFORM_RESTART_BACKOFF_MAX} (default
 *     30)
 * @param logFormat the services' log lines as JSON: {@code PLATFORM_LOG_FORMAT} {@code ecs}, {@code logstash} or {@code
 *     gelf} (Spring Boot's structured logging); plain text when unset
 * @param logMaxFileSize a service's log is rotated at this size ({@code PLATFORM_LOG_MAX_FILE_SIZE}, default {@code
 *     20MB}), and its rotated files together stay under ten times that
 * @param federationFile the installation's federation settings ({@code FEDERATION_SETTINGS}, relative to the checkout;
 *     default the 福州 demo's {@code infra/federations/fuzhou/federation.yaml})
 * @param replicas how many instances of each service run ({@code PLATFORM_REPLICAS}, e.g. {@code reporting=2,gateway=2})
 */
public record PlatformSettings(
        Path root,
        Path state,
        int gatewayPort,
        int planningPort,
        int activityPort,
        int rightsPort,
        int reportingPort,
        int keycloakPort,
        int keycloakManagementPort,
        int kafkaPort,
        int kafkaControllerPort,
        int mongoPort,
        Optional<String> externalMongoUri,
        Optional<String> externalKafka,
        Duration readyTimeout,
        RestartPolicy restartPolicy,
        Optional<String> logFormat,
        String logMaxFileSize,
        Path federationFile,
        Replicas replicas) {

    /** The structured formats Spring Boot writes. */
    public static final java.util.Set<String> LOG_FORMATS = java.util.Set.of("ecs", "logstash", "gelf");

    public static final String HOST = "127.0.0.1";

    public static PlatformSettings fromEnvironment(Map<String, String> env, Path root) {
        Path state = Optional.ofNullable(blankToNull(env.get("PLATFORM_STATE")))
                .map(Path::of)
                .orElse(root.resolve(".platform"))
                .toAbsolutePath()
                .normalize();
        int keycloakPort = port(env, "KEYCLOAK_PORT", 8180);
        return new PlatformSettings(
                root.toAbsolutePath().normalize(),
                state,
                port(env, "GATEWAY_PORT", 8080),
                port(env, "PLANNING_PORT", 8081),
                port(env, "ACTIVITY_PORT", 8082),
                port(env, "RIGHTS_PORT", 8083),
                port(env, "REPORTING_PORT", 8084),
                keycloakPort,
                // Keycloak serves /health on a separate management port (9000 by default); deriving it from the
                // main port keeps two platforms on different port sets from clashing there.
                port(env, "KEYCLOAK_MANAGEMENT_PORT", keycloakPort + 1),
                port(env, "KAFKA_PORT", 9092),
                port(env, "KAFKA_CONTROLLER_PORT", 9093),
                port(env, "MONGO_PORT", 27017),
                Optional.ofNullable(blankToNull(env.get("MONGODB_URI"))),
                Optional.ofNullable(blankToNull(env.get("KAFKA_BOOTSTRAP_SERVERS"))),
                Duration.ofSeconds(seconds(env, "PLATFORM_READY_TIMEOUT", 180)),
                restartPolicy(env),
                logFormat(env),
                logSize(env),
                Optional.ofNullable(blankToNull(env.get("FEDERATION_SETTINGS")))
                        .map(file -> root.resolve(file))
                        .orElse(FederationSettings.defaultFile(root))
                        .toAbsolutePath()
                        .normalize(),
                Replicas.parse(env.get("PLATFORM_REPLICAS")));
    }

    private static Optional<String> logFormat(Map<String, String> env) {
        Optional<String> format = Optional.ofNullable(blankToNull(env.get("PLATFORM_LOG_FORMAT")))
                .map(f -> f.trim().toLowerCase(java.util.Locale.ROOT));
        format.ifPresent(f -> {
            if (!LOG_FORMATS.contains(f)) {
                throw new IllegalArgumentException("PLATFORM_LOG_FORMAT must be one of "
                        + LOG_FORMATS.stream().sorted().toList() + ", was '" + f + "'");
            }
        });
        return format;
    }

    private static String logSize(Map<String, String> env) {
        String size = Optional.ofNullable(blankToNull(env.get("PLATFORM_LOG_MAX_FILE_SIZE")))
                .map(String::trim)
                .orElse("20MB");
        if (!size.matches("[1-9]\\d{0,4}(KB|MB|GB)")) {
            throw new IllegalArgumentException(
                    "PLATFORM_LOG_MAX_FILE_SIZE must be a size such as 20MB or 512KB, was '" + size + "'");
        }
        return size;
    }

    /** Ten rotated files' worth. */
    public String logTotalSizeCap() {
        String unit = logMaxFileSize.substring(logMaxFileSize.length() - 2);
        long amount = Long.parseLong(logMaxFileSize.substring(0, logMaxFileSize.length() - 2));
        return (amount * 10) + unit;
    }

    private static RestartPolicy restartPolicy(Map<String, String> env) {
        RestartPolicy d = RestartPolicy.DEFAULT;
        Duration backoff = Duration.ofSeconds(
                seconds(env, "PLATFORM_RESTART_BACKOFF", d.backoff().toSeconds()));
        Duration maxBackoff = Duration.ofSeconds(
                seconds(env, "PLATFORM_RESTART_BACKOFF_MAX", d.maxBackoff().toSeconds()));
        if (maxBackoff.compareTo(backoff) < 0) {
            throw new IllegalArgumentException("PLATFORM_RESTART_BACKOFF_MAX (" + maxBackoff.toSeconds()
                    + " s) must not be below PLATFORM_RESTART_BACKOFF (" + backoff.toSeconds() + " s)");
        }
        return new RestartPolicy(
                count(env, "PLATFORM_RESTART_LIMIT", d.limit()),
                Duration.ofMinutes(
                        minutes(env, "PLATFORM_RESTART_WINDOW", d.window().toMinutes())),
                backoff,
                maxBackoff);
    }

    public Path logDir() {
        return state.resolve("logs");
    }

    public Path pidDir() {
        return state.resolve("pids");
    }

    /** The realm the platform's Keycloak imports on its first start, read from the checkout (not from the jar). */
    public Path realmJson() {
        return root.resolve("infra").resolve("keycloak").resolve("fulian-realm.json");
    }

    /** The Keycloak distribution the build copies next to the launcher jar. */
    public Path keycloakZip() {
        return root.resolve("infra").resolve("target").resolve("keycloak-dist.zip");
    }

    public Path keycloakHome() {
        return state.resolve("keycloak");
    }

    public String keycloakUrl() {
        return "http://" + HOST + ":" + keycloakPort;
    }

    public String gatewayUrl() {
        return "http://" + HOST + ":" + gatewayPort;
    }

    public String mongoUri() {
        return externalMongoUri.orElse("mongodb://" + HOST + ":" + mongoPort);
    }

    public String kafkaBootstrapServers() {
        return externalKafka.orElse(HOST + ":" + kafkaPort);
    }

    private static int port(Map<String, String> env, String name, int defaultPort) {
        String value = blankToNull(env.get(name));
        if (value == null) {
            return defaultPort;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    name + " must be a port number between 1 and 65535, was '" + value + "'");
        }
    }

    private static long seconds(Map<String, String> env, String name, long defaultSeconds) {
        String value = blankToNull(env.get(name));
        if (value == null) {
            return defaultSeconds;
        }
        try {
            long seconds = Long.parseLong(value.trim());
            if (seconds < 1) {
                throw new NumberFormatException();
            }
            return seconds;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number of seconds, was '" + value + "'");
        }
    }

    private static int count(Map<String, String> env, String name, int defaultCount) {
        String value = blankToNull(env.get(name));
        if (value == null) {
            return defaultCount;
        }
        try {
            int count = Integer.parseInt(value.trim());
            if (count < 0) {
                throw new NumberFormatException();
            }
            return count;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, 0 or more, was '" + value + "'");
        }
    }

    private static long minutes(Map<String, String> env, String name, long defaultMinutes) {
        String value = blankToNull(env.get(name));
        if (value == null) {
            return defaultMinutes;
        }
        try {
            long minutes = Long.parseLong(value.trim());
            if (minutes < 1) {
                throw new NumberFormatException();
            }
            return minutes;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number of minutes, was '" + value + "'");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
