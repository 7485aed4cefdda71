package cn.fulian.infra.keycloak;

import cn.fulian.infra.Console;
import cn.fulian.infra.federation.FederationSettings;
import cn.fulian.infra.service.LocalSecrets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code java -jar infra/target/infra.jar realm --settings <federation.yaml> --out <realm.json> [--public-url <url>]}:
 * the realm a deployment's Keycloak imports with {@code --import-realm} (Docker Compose, Kubernetes). It is made as
 * {@code ./platform up} makes its own, with two differences: the secrets come from the environment and nowhere else
 * (nothing is generated or kept), and browsers may be sent back only to the installation's public address.
 *
 * <p>Required in the environment: {@value #GATEWAY_CLIENT_SECRET} and {@value #KEYCLOAK_ADMIN_API_SECRET} (the same
 * values the gateway and the planning service are given) and {@value #INITIAL_ADMIN_PASSWORD} (the root
 * administrator's first password, changed at the first login).
 */
public final class RealmCommand {

    public static final String GATEWAY_CLIENT_SECRET = LocalSecrets.GATEWAY_CLIENT_SECRET;
    public static final String KEYCLOAK_ADMIN_API_SECRET = LocalSecrets.KEYCLOAK_ADMIN_API_SECRET;
    public static final String INITIAL_ADMIN_PASSWORD = "INITIAL_ADMIN_PASSWORD";

    /** Shorter secrets are refused: {@code openssl rand -hex 32} gives 64 characters. */
    public static final int MIN_SECRET_LENGTH = 16;

    static final String USAGE = "usage: java -jar infra/target/infra.jar realm --settings <federation.yaml>"
            + " --out <realm.json> [--public-url https://…] [--template <fulian-realm.json>]";

    private static final Set<String> OPTIONS = Set.of("--settings", "--out", "--public-url", "--template");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What the command was asked to make, every input checked. */
    record Request(
            FederationSettings federation,
            String publicUrl,
            JsonNode template,
            Path out,
            String gatewaySecret,
            String adminApiSecret,
            String initialAdminPassword) {}

    private RealmCommand() {}

    /** @return the exit code: 0 when the realm was written, 2 when an input is missing or wrong, 1 when writing failed */
    public static int run(List<String> args, Map<String, String> environment, Path root) {
        Request request;
        try {
            request = parse(args, environment, root);
        } catch (IllegalArgumentException e) {
            Console.error(e.getMessage());
            Console.error(USAGE);
            return 2;
        }
        try {
            Path parent = request.out().toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(request.out(), realm(request), StandardCharsets.UTF_8);
        } catch (IOException e) {
            Console.error("Cannot write " + request.out() + ": " + e.getMessage());
            return 1;
        }
        FederationSettings federation = request.federation();
        if (federation.demo()) {
            Console.error("Note: " + federation.file() + " says demo: true, so the realm holds the demo accounts"
                    + " (password \"demo\"). Use it for a demonstration only; a real installation says demo: false.");
        }
        Console.line(
                "Wrote the realm of %s for %s to %s. Keycloak imports it on its first start (--import-realm). It holds"
                        + " the client secrets and the first administrator password: keep it out of version control.",
                federation.name(), request.publicUrl(), request.out());
        return 0;
    }

    /** The realm JSON for a checked request. */
    static String realm(Request request) {
        return RealmGenerator.generate(
                request.template(),
                request.federation(),
                request.publicUrl(),
                request.gatewaySecret(),
                request.adminApiSecret(),
                request.initialAdminPassword());
    }

    /**
     * Reads the options, the settings file, the template and the secrets.
     *
     * @throws IllegalArgumentException listing every problem found, one per line
     */
    static Request parse(List<String> args, Map<String, String> environment, Path root) {
        List<String> problems = new ArrayList<>();
        Map<String, String> options = options(args, problems);

        FederationSettings federation = null;
        String settings = options.get("--settings");
        if (settings == null) {
            problems.add("--settings: required (the federation's settings file, e.g."
                    + " infra/federations/qingxi/federation.yaml)");
        } else {
            try {
                federation = FederationSettings.load(Path.of(settings));
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }

        String publicUrl = publicUrl(options.get("--public-url"), federation, problems);
        if (federation != null && publicUrl != null) {
            federation = withPublicUrl(federation, publicUrl);
        }

        Path templateFile = Optional.ofNullable(options.get("--template"))
                .map(Path::of)
                .orElse(root.resolve("infra").resolve("keycloak").resolve("fulian-realm.json"));
        JsonNode template = null;
        try {
            template = JSON.readTree(templateFile.toFile());
        } catch (JacksonException e) {
            problems.add("--template: " + templateFile + " is not a readable realm JSON: " + e.getOriginalMessage());
        }

        String out = options.get("--out");
        if (out == null) {
            problems.add("--out: required (where to write the realm, e.g. infra/compose/realm.json)");
        }

        String gatewaySecret = secret(environment, GATEWAY_CLIENT_SECRET, "openssl rand -hex 32", problems);
        if (gatewaySecret != null && template != null && gatewaySecret.equals(committedGatewaySecret(template))) {
            problems.add(GATEWAY_CLIENT_SECRET + ": is the example value committed in the realm template; generate"
                    + " one: openssl rand -hex 32");
        }
        String adminApiSecret = secret(environment, KEYCLOAK_ADMIN_API_SECRET, "openssl rand -hex 32", problems);
        String initialAdminPassword = secret(environment, INITIAL_ADMIN_PASSWORD, "openssl rand -base64 18", problems);

        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Cannot make the realm:\n  - " + String.join("\n  - ", problems));
        }
        return new Request(
                federation, publicUrl, template, Path.of(out), gatewaySecret, adminApiSecret, initialAdminPassword);
    }

    private static Map<String, String> options(List<String> args, List<String> problems) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String name = arg;
            String value = null;
            int equals = arg.indexOf('=');
            if (equals > 0) {
                name = arg.substring(0, equals);
                value = arg.substring(equals + 1);
            } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
                value = args.get(++i);
            }
            if (!OPTIONS.contains(name)) {
                problems.add("unknown option " + arg);
            } else if (value == null || value.isBlank()) {
                problems.add(name + ": needs a value");
            } else {
                options.put(name, value.trim());
            }
        }
        return options;
    }

    private static String publicUrl(String option, FederationSettings federation, List<String> problems) {
        String url = option != null
                ? option
                : federation == null ? null : federation.publicUrl().orElse(null);
        if (url == null) {
            if (federation != null) {
                problems.add("--public-url: required, as " + federation.file() + " names no publicUrl (the address"
                        + " browsers open the console at, e.g. https://fulian.example.cn)");
            }
            return null;
        }
        String trimmed = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        if (!trimmed.matches("https?://[^/\\s]+(/[^\\s]*)?")) {
            problems.add(
                    "--public-url: must be an http(s) address such as https://fulian.example.cn, was '" + url + "'");
            return null;
        }
        return trimmed;
    }

    private static FederationSettings withPublicUrl(FederationSettings f, String publicUrl) {
        return new FederationSettings(
                f.file(),
                f.name(),
                f.rootCode(),
                f.rootName(),
                f.rootType(),
                f.tree(),
                Optional.of(publicUrl),
                f.demo());
    }

    private static String secret(Map<String, String> environment, String name, String howTo, List<String> problems) {
        String value = environment.get(name);
        if (value == null || value.isBlank()) {
            problems.add(name + ": not set in the environment; generate one: " + howTo);
            return null;
        }
        if (value.strip().length() < MIN_SECRET_LENGTH) {
            problems.add(name + ": shorter than " + MIN_SECRET_LENGTH + " characters; generate one: " + howTo);
            return null;
        }
        return value.strip();
    }

    private static String committedGatewaySecret(JsonNode template) {
        for (JsonNode client : template.path("clients")) {
            if (RealmGenerator.GATEWAY_CLIENT.equals(client.path("clientId").asString())) {
                return client.path("secret").asString();
            }
        }
        return null;
    }
}
