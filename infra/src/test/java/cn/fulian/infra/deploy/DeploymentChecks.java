package cn.fulian.infra.deploy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The invariants that make the deployment files work on their first run, each a function from the parsed files to the
 * problems it finds (empty: the invariant holds). The tests run every check on the real files and on a copy broken on
 * purpose, so a check that stopped catching its problem fails as well.
 */
final class DeploymentChecks {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static final List<String> COMPONENTS =
            List.of("planning-service", "activity-service", "rights-service", "reporting-service", "gateway");

    /**
     * The secret each component must be given by a deployment: the gateway's configuration falls back to a committed
     * example secret, the rights service refuses to start without its key, and the planning service cannot manage
     * accounts without its client secret.
     */
    static final Map<String, String> REQUIRED_SECRETS = Map.of(
            "gateway", "GATEWAY_CLIENT_SECRET",
            "planning-service", "KEYCLOAK_ADMIN_API_SECRET",
            "rights-service", "RIGHTS_ENCRYPTION_KEY");

    /** The image {@code infra/compose/Dockerfile} builds for each module. */
    static final String BUILT_IMAGE = "infra/compose/Dockerfile";

    private DeploymentChecks() {}

    // ----------------------------------------------------------------------------------------------------------------
    // What each image provides

    /**
     * What an image provides, as far as the deployment files rely on it.
     *
     * @param shell what its {@code /bin/sh} is: dash and BusyBox ash have neither {@code /dev/tcp} nor {@code [[ ]]}
     * @param commands programs the health checks may call besides the shell's builtins
     * @param dataPath where it keeps its data unless told otherwise; null when it keeps none
     * @param dataPathVariable the environment variable that moves it, if any
     */
    record ImageFacts(String shell, Set<String> commands, String dataPath, String dataPathVariable) {}

    /**
     * The images the deployment files name. Third-party images from their own Dockerfiles: mongo (Ubuntu), postgres
     * (Debian) and apache/kafka (Alpine, which removes wget after use) keep their shells' usual tools; Keycloak's
     * UBI-micro image has bash and coreutils but no curl, wget or grep. The platform's own image has Java, the base
     * image's dash, and exactly what {@code dockerfile} installs with apt-get.
     */
    static Map<String, ImageFacts> images(String dockerfile) {
        Map<String, ImageFacts> images = new LinkedHashMap<>();
        images.put("mongo:7.0", new ImageFacts("dash", Set.of("mongosh", "mongod", "grep"), "/data/db", null));
        images.put(
                "apache/kafka:4.1.0",
                new ImageFacts(
                        "ash",
                        Set.of(
                                "bash",
                                "grep",
                                "/opt/kafka/bin/kafka-broker-api-versions.sh",
                                "/opt/kafka/bin/kafka-topics.sh"),
                        "/tmp/kraft-combined-logs",
                        "KAFKA_LOG_DIRS"));
        images.put(
                "postgres:16",
                new ImageFacts("dash", Set.of("pg_isready", "psql", "grep"), "/var/lib/postgresql/data", "PGDATA"));
        images.put(
                "quay.io/keycloak/keycloak:26.5.6",
                new ImageFacts("bash", Set.of("bash", "cat", "/opt/keycloak/bin/kc.sh"), null, null));
        Set<String> built = new TreeSet<>(Set.of("java"));
        built.addAll(aptInstalled(dockerfile));
        images.put(BUILT_IMAGE, new ImageFacts("dash", built, null, null));
        return images;
    }

    /** Packages the last stage of a Dockerfile installs with apt-get (each package here is named as its command). */
    static Set<String> aptInstalled(String dockerfile) {
        String joined = dockerfile.replace("\\\n", " ");
        String lastStage = joined.substring(joined.lastIndexOf("\nFROM "));
        Set<String> packages = new TreeSet<>();
        Matcher install = Pattern.compile("apt-get\\s+install\\s+([^&;|\\n]*)").matcher(lastStage);
        while (install.find()) {
            for (String word : install.group(1).trim().split("\\s+")) {
                if (!word.isEmpty() && !word.startsWith("-")) {
                    packages.add(word);
                }
            }
        }
        return packages;
    }

    // ----------------------------------------------------------------------------------------------------------------
    // Compose: health checks

    private static final Set<String> BUILTINS = Set.of(
            "exec", "printf", "echo", "read", "test", "[", "exit", "true", "false", "cd", "set", "export", "command",
            ":");

    /** Every service has a health check, and it calls only what its image has, in the shell that runs it. */
    static List<String> healthCheckProblems(JsonNode compose, Map<String, ImageFacts> images) {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : compose.path("services").properties()) {
            String name = e.getKey();
            JsonNode service = e.getValue();
            String image =
                    service.has("build") ? BUILT_IMAGE : service.path("image").asString();
            ImageFacts facts = images.get(image);
            if (facts == null) {
                problems.add(name + ": image " + image + " is not in the table of what each image provides");
                continue;
            }
            JsonNode test = service.path("healthcheck").path("test");
            if (test.isMissingNode() || test.isNull()) {
                problems.add(name + ": no health check, so nothing that waits for it to be healthy ever starts");
                continue;
            }
            problems.addAll(testProblems(name, image, facts, test));
        }
        return problems;
    }

    private static List<String> testProblems(String service, String image, ImageFacts facts, JsonNode test) {
        List<String> argv = new ArrayList<>();
        if (test.isArray()) {
            test.forEach(a -> argv.add(a.asString()));
        } else {
            argv.add("CMD-SHELL");
            argv.add(test.asString());
        }
        List<String> problems = new ArrayList<>();
        String shell;
        String script;
        if (argv.get(0).equals("CMD-SHELL")) {
            shell = facts.shell();
            script = String.join(" ", argv.subList(1, argv.size()));
        } else if (argv.get(0).equals("CMD")
                && argv.size() >= 4
                && Set.of("bash", "sh", "/bin/bash", "/bin/sh").contains(argv.get(1))
                && argv.get(2).equals("-c")) {
            boolean bash = argv.get(1).endsWith("bash");
            if (bash && !facts.shell().equals("bash") && !facts.commands().contains("bash")) {
                problems.add(service + ": its health check runs bash, which " + image + " does not have");
            }
            shell = bash ? "bash" : facts.shell();
            script = argv.get(3);
        } else if (argv.get(0).equals("CMD") && argv.size() >= 2) {
            shell = null;
            script = null;
            if (!facts.commands().contains(argv.get(1))) {
                problems.add(missing(service, image, facts, argv.get(1)));
            }
        } else {
            problems.add(service + ": a health check test compose does not run: " + argv);
            return problems;
        }
        if (script == null) {
            return problems;
        }
        for (String command : commands(script)) {
            boolean builtin = BUILTINS.contains(command) || (shell.equals("bash") && command.equals("[["));
            if (!builtin && !facts.commands().contains(command)) {
                problems.add(missing(service, image, facts, command));
            }
        }
        if (script.contains("/dev/tcp") && !shell.equals("bash")) {
            problems.add(service + ": its health check opens /dev/tcp, which only bash has; it runs in " + image
                    + "'s /bin/sh, which is " + shell + " (\"cannot create /dev/tcp/…\")");
        }
        if (script.contains("[[") && !shell.equals("bash")) {
            problems.add(service + ": its health check uses [[ ]], which " + shell + " does not have");
        }
        return problems;
    }

    private static String missing(String service, String image, ImageFacts facts, String command) {
        return service + ": its health check calls " + command + ", which " + image + " does not have (it has "
                + facts.commands() + " and the shell's builtins)";
    }

    /** The command word of each simple command in a shell script (after variable assignments and {@code !}). */
    static List<String> commands(String script) {
        List<String> commands = new ArrayList<>();
        for (String segment : splitOutsideQuotes(script)) {
            String[] words = segment.trim().split("\\s+");
            int i = 0;
            while (i < words.length && (words[i].equals("!") || words[i].matches("[A-Za-z_][A-Za-z0-9_]*=.*"))) {
                i++;
            }
            if (i < words.length && !words[i].isEmpty()) {
                commands.add(words[i]);
            }
        }
        return commands;
    }

    private static List<String> splitOutsideQuotes(String script) {
        List<String> segments = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < script.length(); i++) {
            char c = script.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
                current.append(c);
            } else if (c == '\'' || c == '"') {
                quote = c;
                current.append(c);
            } else if (c == ';' || (c == '|') || (c == '&' && i + 1 < script.length() && script.charAt(i + 1) == '&')) {
                segments.add(current.toString());
                current.setLength(0);
                if (i + 1 < script.length() && (script.charAt(i + 1) == '&' || script.charAt(i + 1) == '|')) {
                    i++;
                }
            } else {
                current.append(c);
            }
        }
        segments.add(current.toString());
        return segments;
    }

    // ----------------------------------------------------------------------------------------------------------------
    // Compose: the issuer

    /**
     * Keycloak names its public address ({@code --hostname}) as the issuer of every token, and every component checks
     * exactly that issuer ({@code KEYCLOAK_URL}). Where a component reaches Keycloak by another address, it is
     * Keycloak on the compose network and Keycloak lets the back channel use it.
     */
    static List<String> composeIssuerProblems(JsonNode compose) {
        JsonNode services = compose.path("services");
        List<String> problems = new ArrayList<>();
        List<String> args = words(services.path("keycloak").path("command"));
        String hostname = option(args, "--hostname");
        if (hostname == null) {
            problems.add("keycloak: no --hostname, so it names each request's own address as the issuer");
            return problems;
        }
        String internal =
                "http://keycloak:" + (option(args, "--http-port") != null ? option(args, "--http-port") : "8080");
        boolean dynamicBackchannel = "true".equals(option(args, "--hostname-backchannel-dynamic"));
        for (String component : COMPONENTS) {
            Map<String, String> env = environment(services.path(component).path("environment"));
            String issuer = env.get("KEYCLOAK_URL");
            if (issuer == null) {
                problems.add(component + ": no KEYCLOAK_URL, so it expects tokens issued by the local platform's"
                        + " Keycloak (http://127.0.0.1:8180) and refuses every one");
            } else if (!issuer.equals(hostname)) {
                problems.add(component + " accepts tokens issued by " + issuer + "/realms/fulian, but Keycloak"
                        + " issues them as " + hostname + "/realms/fulian (--hostname): it would refuse every one");
            }
            List<String> backchannel = new ArrayList<>();
            backchannel.add(env.get("KEYCLOAK_INTERNAL_URL"));
            if (component.equals("planning-service")) {
                backchannel.add(env.get("FULIAN_USERS_KEYCLOAK_URL"));
            }
            for (String url : backchannel) {
                if (url == null || url.equals(hostname)) {
                    continue;
                }
                if (!url.equals(internal)) {
                    problems.add(component + ": reaches Keycloak at " + url + ", which is not Keycloak on the compose"
                            + " network (" + internal + ")");
                }
                if (!dynamicBackchannel) {
                    problems.add("keycloak: " + component + " reaches it at " + url + ", but without"
                            + " --hostname-backchannel-dynamic=true Keycloak sends it to " + hostname);
                }
            }
        }
        return problems;
    }

    // ----------------------------------------------------------------------------------------------------------------
    // Data on volumes

    /** Every stateful component keeps its data (where its image does, or where it is told to) on a named volume. */
    static List<String> composeVolumeProblems(JsonNode compose, Map<String, ImageFacts> images) {
        Set<String> named = new LinkedHashSet<>(compose.path("volumes").propertyNames());
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : compose.path("services").properties()) {
            JsonNode service = e.getValue();
            ImageFacts facts = images.get(service.path("image").asString());
            if (facts == null || facts.dataPath() == null) {
                continue;
            }
            List<String> mounts = new ArrayList<>();
            for (JsonNode volume : service.path("volumes")) {
                if (volume.isString()) {
                    String[] parts = volume.asString().split(":");
                    if (parts.length >= 2 && named.contains(parts[0])) {
                        mounts.add(parts[1]);
                    }
                } else if ("volume".equals(volume.path("type").asString())
                        && named.contains(volume.path("source").asString())) {
                    mounts.add(volume.path("target").asString());
                }
            }
            List<String> paths =
                    dataPaths(facts, environment(service.path("environment")), words(service.path("command")));
            problems.addAll(unmounted(e.getKey(), paths, mounts, "named volume"));
        }
        return problems;
    }

    /** The same for Kubernetes: StatefulSets keep their data on a volume from their volume claim templates. */
    static List<String> kubernetesVolumeProblems(List<JsonNode> docs, Map<String, ImageFacts> images) {
        List<String> problems = new ArrayList<>();
        for (JsonNode workload : workloads(docs)) {
            Set<String> persistent = new LinkedHashSet<>();
            workload.path("spec")
                    .path("volumeClaimTemplates")
                    .forEach(t -> persistent.add(t.path("metadata").path("name").asString()));
            for (JsonNode container :
                    workload.path("spec").path("template").path("spec").path("containers")) {
                ImageFacts facts = images.get(container.path("image").asString());
                if (facts == null || facts.dataPath() == null) {
                    continue;
                }
                List<String> mounts = new ArrayList<>();
                for (JsonNode mount : container.path("volumeMounts")) {
                    if (persistent.contains(mount.path("name").asString())) {
                        mounts.add(mount.path("mountPath").asString());
                    }
                }
                Map<String, String> env = new LinkedHashMap<>();
                container.path("env").forEach(v -> {
                    if (v.has("value")) {
                        env.put(v.path("name").asString(), v.path("value").asString());
                    }
                });
                List<String> args = new ArrayList<>(words(container.path("command")));
                args.addAll(words(container.path("args")));
                String name = workload.path("kind").asString() + " " + name(workload);
                problems.addAll(unmounted(name, dataPaths(facts, env, args), mounts, "persistent volume"));
            }
        }
        return problems;
    }

    private static List<String> dataPaths(ImageFacts facts, Map<String, String> env, List<String> args) {
        if (facts.dataPathVariable() != null && env.get(facts.dataPathVariable()) != null) {
            return List.of(env.get(facts.dataPathVariable()).split(","));
        }
        String dbpath = option(args, "--dbpath");
        return List.of(dbpath != null ? dbpath : facts.dataPath());
    }

    private static List<String> unmounted(String name, List<String> paths, List<String> mounts, String kind) {
        List<String> problems = new ArrayList<>();
        for (String path : paths) {
            String p = path.trim();
            boolean onVolume =
                    mounts.stream().anyMatch(m -> p.equals(m) || p.startsWith(m.endsWith("/") ? m : m + "/"));
            if (!onVolume) {
                problems.add(name + " keeps its data in " + p + ", which is on no " + kind + " (mounted: " + mounts
                        + "): it would be lost with the container");
            }
        }
        return problems;
    }

    // ----------------------------------------------------------------------------------------------------------------
    // Secrets

    /** A variable holds a secret when a word of its name is (or ends in) PASSWORD or SECRET, or is KEY. */
    static boolean isSecret(String name) {
        for (String word : name.toUpperCase().split("_")) {
            if (word.endsWith("PASSWORD") || word.endsWith("SECRET") || word.equals("KEY")) {
                return true;
            }
        }
        return false;
    }

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)([^}]*)}");

    /**
     * Compose: every secret comes from the environment and is required there ({@code ${X:?…}}): never defaulted
     * ({@code ${X:-…}}), never optional ({@code ${X}}), never written in the file; each component is given the secret
     * it needs.
     */
    static List<String> composeSecretProblems(String file, String text, JsonNode compose) {
        List<String> problems = new ArrayList<>();
        Matcher reference = REFERENCE.matcher(text);
        while (reference.find()) {
            String rest = reference.group(2);
            if (isSecret(reference.group(1)) && !(rest.startsWith(":?") || rest.startsWith("?"))) {
                problems.add(file + ": " + reference.group() + ": a secret must be required from the environment"
                        + " (${" + reference.group(1) + ":?…}), never defaulted or left optional");
            }
        }
        for (Map.Entry<String, JsonNode> e : compose.path("services").properties()) {
            environment(e.getValue().path("environment")).forEach((name, value) -> {
                if (isSecret(name) && (value == null || !value.matches("\\$\\{[A-Za-z_][A-Za-z0-9_]*:?\\?.*}"))) {
                    problems.add(file + ": " + e.getKey() + ": " + name + " is written in the file (" + value
                            + "), not required from the environment");
                }
            });
        }
        REQUIRED_SECRETS.forEach((component, secret) -> {
            JsonNode service = compose.path("services").path(component);
            if (!service.isMissingNode()
                    && !environment(service.path("environment")).containsKey(secret)) {
                problems.add(file + ": " + component + " is not given " + secret);
            }
        });
        return problems;
    }

    /** The variables Compose requires ({@code ${X:?…}}) in these texts. */
    static Set<String> requiredVariables(String... texts) {
        Set<String> required = new TreeSet<>();
        for (String text : texts) {
            Matcher reference = REFERENCE.matcher(text);
            while (reference.find()) {
                if (reference.group(2).startsWith(":?") || reference.group(2).startsWith("?")) {
                    required.add(reference.group(1));
                }
            }
        }
        return required;
    }

    /** An example env file names every variable the operator must write, and gives no secret a value. */
    static List<String> envExampleProblems(String file, String example, Set<String> required) {
        Map<String, String> entries = new LinkedHashMap<>();
        for (String line : example.split("\n")) {
            String trimmed = line.trim();
            int equals = trimmed.indexOf('=');
            if (!trimmed.startsWith("#") && equals > 0) {
                entries.put(
                        trimmed.substring(0, equals).trim(),
                        trimmed.substring(equals + 1).trim());
            }
        }
        List<String> problems = new ArrayList<>();
        for (String variable : required) {
            if (!entries.containsKey(variable)) {
                problems.add(file + " does not list " + variable + ", which must be set");
            }
        }
        entries.forEach((name, value) -> {
            if (isSecret(name) && !value.isEmpty()) {
                problems.add(file + " gives " + name + " a value: an example secret would be deployed as it is");
            }
        });
        return problems;
    }

    /**
     * Kubernetes: the platform's manifests hold no Secret and no secret value; every secret variable comes from a
     * Secret; each component is given the secret it needs.
     */
    static List<String> kubernetesSecretProblems(List<JsonNode> docs) {
        List<String> problems = new ArrayList<>();
        for (JsonNode doc : docs) {
            if (doc.path("kind").asString().equals("Secret")) {
                problems.add("Secret " + name(doc) + " is in the platform's manifests: secrets come only from the"
                        + " files the operator writes (infra/k8s/secrets)");
            }
            if (doc.path("kind").asString().equals("ConfigMap")) {
                for (String key : doc.path("data").propertyNames()) {
                    if (isSecret(key)) {
                        problems.add("ConfigMap " + name(doc) + " holds " + key + ": a secret in plain sight");
                    }
                }
            }
        }
        for (JsonNode workload : workloads(docs)) {
            for (JsonNode container : containers(workload)) {
                Set<String> fromSecrets = new TreeSet<>();
                for (JsonNode variable : container.path("env")) {
                    String name = variable.path("name").asString();
                    if (variable.path("valueFrom").has("secretKeyRef")) {
                        fromSecrets.add(name);
                    } else if (isSecret(name)) {
                        problems.add(name(workload) + ": " + name + " is written in the manifest ("
                                + variable.path("value").asString() + "), not taken from a Secret");
                    }
                }
                String required = REQUIRED_SECRETS.get(name(workload));
                if (required != null && !fromSecrets.contains(required)) {
                    problems.add(name(workload) + " is not given " + required + " from a Secret");
                }
            }
        }
        return problems;
    }

    /** Every Secret key the platform refers to is one the secrets kustomization makes. */
    static List<String> secretReferenceProblems(List<JsonNode> platform, List<JsonNode> secrets) {
        Map<String, Set<String>> made = new LinkedHashMap<>();
        for (JsonNode doc : secrets) {
            if (doc.path("kind").asString().equals("Secret")) {
                Set<String> keys = new TreeSet<>(doc.path("data").propertyNames());
                keys.addAll(doc.path("stringData").propertyNames());
                made.put(name(doc), keys);
            }
        }
        List<String> problems = new ArrayList<>();
        for (JsonNode workload : workloads(platform)) {
            for (JsonNode container : containers(workload)) {
                for (JsonNode variable : container.path("env")) {
                    JsonNode ref = variable.path("valueFrom").path("secretKeyRef");
                    if (!ref.isMissingNode()) {
                        String secret = ref.path("name").asString();
                        String key = ref.path("key").asString();
                        if (!made.getOrDefault(secret, Set.of()).contains(key)) {
                            problems.add(name(workload) + " takes "
                                    + variable.path("name").asString() + " from " + secret + "/" + key
                                    + ", which infra/k8s/secrets does not make");
                        }
                    }
                }
            }
            for (JsonNode volume :
                    workload.path("spec").path("template").path("spec").path("volumes")) {
                JsonNode secret = volume.path("secret");
                if (secret.isMissingNode()) {
                    continue;
                }
                String secretName = secret.path("secretName").asString();
                if (!made.containsKey(secretName)) {
                    problems.add(name(workload) + " mounts Secret " + secretName
                            + ", which infra/k8s/secrets does not make");
                    continue;
                }
                for (JsonNode item : secret.path("items")) {
                    if (!made.get(secretName).contains(item.path("key").asString())) {
                        problems.add(name(workload) + " mounts " + secretName + "/"
                                + item.path("key").asString() + ", which infra/k8s/secrets does not make");
                    }
                }
            }
        }
        return problems;
    }

    // ----------------------------------------------------------------------------------------------------------------
    // Kubernetes: the issuer

    /**
     * Keycloak's {@code --hostname}, the {@code KEYCLOAK_URL} every component checks tokens against, and the host its
     * Ingress serves with TLS are one address; the components' internal address is Keycloak's Service.
     */
    static List<String> kubernetesIssuerProblems(List<JsonNode> docs) {
        List<String> problems = new ArrayList<>();
        Map<String, JsonNode> configMaps = byName(docs, "ConfigMap");
        JsonNode keycloak = byName(docs, "Deployment").get("keycloak");
        if (keycloak == null) {
            problems.add("no Deployment keycloak");
            return problems;
        }
        JsonNode keycloakContainer = containers(keycloak).get(0);
        Map<String, String> keycloakEnv = environment(keycloakContainer, configMaps);
        String hostname = expand(option(words(keycloakContainer.path("args")), "--hostname"), keycloakEnv);
        if (hostname == null) {
            problems.add("keycloak: no --hostname, so it names each request's own address as the issuer");
            return problems;
        }
        if (!hostname.startsWith("https://")) {
            problems.add("keycloak: its public address " + hostname + " is not https: passwords would cross the"
                    + " network unencrypted");
        }
        boolean dynamicBackchannel =
                "true".equals(option(words(keycloakContainer.path("args")), "--hostname-backchannel-dynamic"));
        Map<String, JsonNode> services = byName(docs, "Service");
        for (String component : COMPONENTS) {
            JsonNode deployment = byName(docs, "Deployment").get(component);
            if (deployment == null) {
                problems.add("no Deployment " + component);
                continue;
            }
            Map<String, String> env = environment(containers(deployment).get(0), configMaps);
            String issuer = env.get("KEYCLOAK_URL");
            if (!hostname.equals(issuer)) {
                problems.add(component + " accepts tokens issued by " + issuer + "/realms/fulian, but Keycloak"
                        + " issues them as " + hostname + "/realms/fulian (--hostname): it would refuse every one");
            }
            for (String variable : List.of("KEYCLOAK_INTERNAL_URL", "FULIAN_USERS_KEYCLOAK_URL")) {
                String url = env.get(variable);
                if (url == null || url.equals(hostname)) {
                    continue;
                }
                URI uri = URI.create(url);
                JsonNode service = services.get(uri.getHost());
                boolean servesPort = service != null
                        && service.path("spec").path("ports").values().stream()
                                .anyMatch(p -> p.path("port").asInt() == uri.getPort());
                if (!"keycloak".equals(uri.getHost()) || !servesPort) {
                    problems.add(component + ": " + variable + " " + url + " is not Keycloak's Service");
                }
                if (!dynamicBackchannel) {
                    problems.add("keycloak: " + component + " reaches it at " + url + ", but without"
                            + " --hostname-backchannel-dynamic=true Keycloak sends it to " + hostname);
                }
            }
        }
        String host = URI.create(hostname).getHost();
        boolean served = false;
        for (JsonNode ingress : byName(docs, "Ingress").values()) {
            boolean tls = ingress.path("spec").path("tls").values().stream()
                    .anyMatch(t -> t.path("hosts").values().stream()
                            .anyMatch(h -> h.asString().equals(host)));
            for (JsonNode rule : ingress.path("spec").path("rules")) {
                if (rule.path("host").asString().equals(host) && tls) {
                    served |= rule.path("http").path("paths").values().stream()
                            .anyMatch(p -> p.path("backend")
                                    .path("service")
                                    .path("name")
                                    .asString()
                                    .equals("keycloak"));
                }
            }
        }
        if (!served) {
            problems.add("no Ingress serves " + host + " (Keycloak's public address) with TLS and sends it to"
                    + " Keycloak: browsers could not log in");
        }
        return problems;
    }

    // ----------------------------------------------------------------------------------------------------------------
    // Kubernetes: Ingress and NetworkPolicies

    /**
     * Each Ingress names its class and serves every host with TLS; where there can be several gateway pods, they share
     * the browsers' sessions (GATEWAY_SESSION_MONGODB_URI) or the Ingress keeps a browser on one pod.
     */
    static List<String> ingressProblems(List<JsonNode> docs) {
        List<String> problems = new ArrayList<>();
        JsonNode gateway = byName(docs, "Deployment").get("gateway");
        JsonNode autoscaler = byName(docs, "HorizontalPodAutoscaler").get("gateway");
        int most = Math.max(
                gateway == null ? 1 : gateway.path("spec").path("replicas").asInt(1),
                autoscaler == null
                        ? 1
                        : autoscaler.path("spec").path("maxReplicas").asInt(1));
        boolean sessionsShared = gateway != null
                && environment(containers(gateway).get(0), byName(docs, "ConfigMap"))
                        .getOrDefault("GATEWAY_SESSION_MONGODB_URI", "")
                        .startsWith("mongodb");
        for (JsonNode ingress : byName(docs, "Ingress").values()) {
            String name = "Ingress " + name(ingress);
            if (ingress.path("spec").path("ingressClassName").asString("").isEmpty()) {
                problems.add(name + " names no ingressClassName: no controller may pick it up");
            }
            Set<String> tlsHosts = new TreeSet<>();
            ingress.path("spec").path("tls").forEach(t -> {
                if (!t.path("secretName").asString("").isEmpty()) {
                    t.path("hosts").forEach(h -> tlsHosts.add(h.asString()));
                }
            });
            boolean toGateway = false;
            for (JsonNode rule : ingress.path("spec").path("rules")) {
                if (!tlsHosts.contains(rule.path("host").asString())) {
                    problems.add(name + " serves " + rule.path("host").asString() + " without TLS");
                }
                toGateway |= rule.path("http").path("paths").values().stream()
                        .anyMatch(p -> p.path("backend")
                                .path("service")
                                .path("name")
                                .asString()
                                .equals("gateway"));
            }
            String affinity = ingress.path("metadata")
                    .path("annotations")
                    .path("nginx.ingress.kubernetes.io/affinity")
                    .asString("");
            if (toGateway && most > 1 && !sessionsShared && !affinity.equals("cookie")) {
                problems.add(name + " spreads a browser's requests over up to " + most + " gateway pods, but each"
                        + " keeps its sessions in memory (no GATEWAY_SESSION_MONGODB_URI): without a shared session"
                        + " store or cookie affinity users are logged out at random");
            }
        }
        return problems;
    }

    private static final String INGRESS_NAMESPACE = "ingress-nginx";
    private static final String MONITORING_NAMESPACE = "monitoring";

    /**
     * Nothing accepts traffic a policy does not let in; from outside the namespace only the gateway and Keycloak are
     * reachable (through the ingress controller), besides Prometheus on the management ports; the services answer
     * only the gateway; MongoDB only the services and the gateway (its sessions), Kafka only the services.
     */
    static List<String> networkPolicyProblems(List<JsonNode> docs) {
        List<JsonNode> policies = new ArrayList<>(byName(docs, "NetworkPolicy").values());
        List<String> problems = new ArrayList<>();
        boolean defaultDeny = policies.stream()
                .anyMatch(p -> p.path("spec").path("podSelector").size() == 0
                        && p.path("spec").path("policyTypes").values().stream()
                                .anyMatch(t -> t.asString().equals("Ingress"))
                        && p.path("spec").path("ingress").size() == 0);
        if (!defaultDeny) {
            problems.add("no default-deny policy: pods no policy selects accept connections from anywhere");
        }
        Set<String> services = Set.of("planning-service", "activity-service", "rights-service", "reporting-service");
        Set<String> servicesAndGateway = new TreeSet<>(services);
        servicesAndGateway.add("gateway"); // the browsers' sessions
        Map<String, Set<String>> mayConnect = Map.of(
                "mongo", servicesAndGateway, "kafka", services, "keycloak-db", Set.of("keycloak"), "gateway", Set.of());
        for (JsonNode workload : workloads(docs)) {
            String pod = name(workload);
            JsonNode labels =
                    workload.path("spec").path("template").path("metadata").path("labels");
            for (JsonNode policy : policies) {
                if (!selects(policy.path("spec").path("podSelector"), labels)) {
                    continue;
                }
                for (JsonNode rule : policy.path("spec").path("ingress")) {
                    if (rule.path("from").size() == 0) {
                        problems.add("NetworkPolicy " + name(policy) + " lets anyone reach " + pod);
                    }
                    for (JsonNode peer : rule.path("from")) {
                        if (peer.has("ipBlock")) {
                            problems.add("NetworkPolicy " + name(policy) + " lets addresses outside the cluster reach "
                                    + pod);
                        } else if (peer.has("namespaceSelector")) {
                            String namespace = peer.path("namespaceSelector")
                                    .path("matchLabels")
                                    .path("kubernetes.io/metadata.name")
                                    .asString("");
                            boolean allowed = (namespace.equals(INGRESS_NAMESPACE)
                                            && (pod.equals("gateway") || pod.equals("keycloak")))
                                    || namespace.equals(MONITORING_NAMESPACE);
                            if (!allowed) {
                                problems.add("NetworkPolicy " + name(policy) + " lets namespace '" + namespace
                                        + "' reach " + pod + ": from outside only the gateway and Keycloak are"
                                        + " reachable");
                            }
                        } else {
                            for (String from : selectedNames(peer.path("podSelector"), docs)) {
                                Set<String> allowedFrom =
                                        services.contains(pod) ? Set.of("gateway") : mayConnect.getOrDefault(pod, null);
                                if (allowedFrom != null && !allowedFrom.contains(from)) {
                                    problems.add("NetworkPolicy " + name(policy) + " lets " + from + " reach " + pod);
                                }
                            }
                        }
                    }
                }
            }
        }
        return problems;
    }

    private static Set<String> selectedNames(JsonNode selector, List<JsonNode> docs) {
        Set<String> names = new TreeSet<>();
        for (JsonNode workload : workloads(docs)) {
            if (selects(
                    selector,
                    workload.path("spec").path("template").path("metadata").path("labels"))) {
                names.add(name(workload));
            }
        }
        return names;
    }

    private static boolean selects(JsonNode selector, JsonNode labels) {
        for (Map.Entry<String, JsonNode> label : selector.path("matchLabels").properties()) {
            if (!labels.path(label.getKey())
                    .asString("")
                    .equals(label.getValue().asString())) {
                return false;
            }
        }
        for (JsonNode expression : selector.path("matchExpressions")) {
            String value = labels.path(expression.path("key").asString()).asString(null);
            Set<String> values = new TreeSet<>();
            expression.path("values").forEach(v -> values.add(v.asString()));
            boolean in = value != null && values.contains(value);
            switch (expression.path("operator").asString()) {
                case "In" -> {
                    if (!in) {
                        return false;
                    }
                }
                case "NotIn" -> {
                    if (in) {
                        return false;
                    }
                }
                case "Exists" -> {
                    if (value == null) {
                        return false;
                    }
                }
                case "DoesNotExist" -> {
                    if (value != null) {
                        return false;
                    }
                }
                default -> throw new IllegalArgumentException("selector operator " + expression);
            }
        }
        return true;
    }

    // ----------------------------------------------------------------------------------------------------------------
    // Images

    /**
     * What the build makes: Jib, configured once in the root POM and enabled per module, names its images
     * {@code <registry>/fulian/<module>:<version>}.
     *
     * @param version the project's version
     * @param modules the modules that enable Jib
     */
    record Build(String version, Set<String> modules) {}

    /** Jib is configured so that it runs only when asked for and names images as the manifests expect. */
    static List<String> jibProblems(Document rootPom, Map<String, Document> modulePoms) {
        List<String> problems = new ArrayList<>();
        Element jib = plugin(rootPom, "pluginManagement", "jib-maven-plugin");
        if (jib == null) {
            problems.add("the root POM does not manage jib-maven-plugin");
            return problems;
        }
        if (!"eclipse-temurin:17-jre".equals(text(jib, "configuration", "from", "image"))) {
            problems.add("Jib's base image is " + text(jib, "configuration", "from", "image")
                    + ", not eclipse-temurin:17-jre");
        }
        String image = text(jib, "configuration", "to", "image");
        if (image == null || !image.endsWith("/fulian/${project.artifactId}:${project.version}")) {
            problems.add("Jib names images " + image + ", not <registry>/fulian/<module>:<version>");
        }
        if (!"true".equals(text(jib, "configuration", "skip"))) {
            problems.add("Jib is not skipped by default: it would make images of modules that are not services");
        }
        if (child(jib, "executions") != null) {
            problems.add("the root POM binds Jib to a phase: it would run in every mvn verify");
        }
        modulePoms.forEach((module, pom) -> {
            Element enabled = plugin(pom, "plugins", "jib-maven-plugin");
            if (enabled != null && child(enabled, "executions") != null) {
                problems.add(module + " binds Jib to a phase: it would run in every mvn verify");
            }
        });
        for (String component : COMPONENTS) {
            Document pom = modulePoms.get(component);
            Element enabled = pom == null ? null : plugin(pom, "plugins", "jib-maven-plugin");
            if (enabled == null || !"false".equals(text(enabled, "configuration", "skip"))) {
                problems.add(component + " does not enable Jib: nothing builds its image");
            }
        }
        return problems;
    }

    /** The version and the Jib-enabled modules, read from the POMs. */
    static Build build(Document rootPom, Map<String, Document> modulePoms) {
        Set<String> modules = new TreeSet<>();
        modulePoms.forEach((module, pom) -> {
            Element jib = plugin(pom, "plugins", "jib-maven-plugin");
            if (jib != null && "false".equals(text(jib, "configuration", "skip"))) {
                modules.add(module);
            }
        });
        return new Build(text(rootPom.getDocumentElement(), "version"), modules);
    }

    private static final Pattern OWN_IMAGE = Pattern.compile("(?:.+/)?fulian/([a-z0-9-]+)");

    /**
     * Every image the manifests name is one the build makes, with the project's version as its tag, or a third-party
     * image the checks know, pinned to a version.
     */
    static List<String> imageProblems(List<JsonNode> docs, Build build, Set<String> thirdParty) {
        List<String> problems = new ArrayList<>();
        for (JsonNode workload : workloads(docs)) {
            for (JsonNode container : containers(workload)) {
                String image = container.path("image").asString();
                int colon = image.lastIndexOf(':');
                boolean tagged = colon > image.lastIndexOf('/');
                String repository = tagged ? image.substring(0, colon) : image;
                String tag = tagged ? image.substring(colon + 1) : null;
                Matcher own = OWN_IMAGE.matcher(repository);
                if (own.matches()) {
                    if (!build.modules().contains(own.group(1))) {
                        problems.add(name(workload) + " runs " + image + ", which no build makes (Jib makes fulian/"
                                + build.modules() + ")");
                    } else if (!build.version().equals(tag)) {
                        problems.add(name(workload) + " runs " + image + ", but the build tags its images "
                                + build.version());
                    }
                } else if (!thirdParty.contains(image) || tag == null || tag.equals("latest")) {
                    problems.add(name(workload) + " runs " + image + ", neither built here nor a pinned image the"
                            + " checks know " + thirdParty);
                }
            }
        }
        return problems;
    }

    // ----------------------------------------------------------------------------------------------------------------
    // .dockerignore

    /** The build context holds the modules' jars and nothing else: no state folder (secrets), no .git. */
    static List<String> dockerignoreProblems(String dockerignore, List<String> mustEnter, List<String> mustStayOut) {
        List<String> problems = new ArrayList<>();
        for (String path : mustEnter) {
            if (ignored(dockerignore, path)) {
                problems.add(".dockerignore keeps out " + path + ", which the Dockerfile copies");
            }
        }
        for (String path : mustStayOut) {
            if (!ignored(dockerignore, path)) {
                problems.add(".dockerignore lets " + path + " into every image build's context");
            }
        }
        return problems;
    }

    /** Docker's rules: the last pattern that matches the path or a folder above it decides; {@code !} lets it in. */
    static boolean ignored(String dockerignore, String path) {
        boolean ignored = false;
        for (String line : dockerignore.split("\n")) {
            String rule = line.trim();
            if (rule.isEmpty() || rule.startsWith("#")) {
                continue;
            }
            boolean exception = rule.startsWith("!");
            Pattern pattern = glob(exception ? rule.substring(1) : rule);
            String prefix = path;
            boolean matches = false;
            while (true) {
                if (pattern.matcher(prefix).matches()) {
                    matches = true;
                    break;
                }
                int slash = prefix.lastIndexOf('/');
                if (slash < 0) {
                    break;
                }
                prefix = prefix.substring(0, slash);
            }
            if (matches) {
                ignored = !exception;
            }
        }
        return ignored;
    }

    private static Pattern glob(String glob) {
        StringBuilder regex = new StringBuilder();
        String g = glob.startsWith("/") ? glob.substring(1) : glob;
        for (int i = 0; i < g.length(); i++) {
            char c = g.charAt(i);
            if (c == '*' && i + 1 < g.length() && g.charAt(i + 1) == '*') {
                regex.append(".*");
                i++;
            } else if (c == '*') {
                regex.append("[^/]*");
            } else if (c == '?') {
                regex.append("[^/]");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }

    // ----------------------------------------------------------------------------------------------------------------
    // Reading the files

    /** YAML as Docker Compose and kubectl read it: anchors, aliases and merge keys resolved; several documents. */
    static List<JsonNode> yaml(String text) {
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        List<JsonNode> docs = new ArrayList<>();
        for (Object doc : yaml.loadAll(text)) {
            if (doc != null) {
                docs.add(JSON.valueToTree(doc));
            }
        }
        return docs;
    }

    static Document xml(String text) {
        try {
            return DocumentBuilderFactory.newInstance()
                    .newDocumentBuilder()
                    .parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalArgumentException("not XML: " + e.getMessage(), e);
        }
    }

    /** The outcome of {@code kubectl kustomize <dir>}. */
    record Rendering(int exitCode, String output, String errors) {
        boolean rendered() {
            return exitCode == 0;
        }
    }

    static boolean kubectlInstalled() {
        try {
            return new ProcessBuilder("kubectl", "version", "--client")
                            .redirectErrorStream(true)
                            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                            .start()
                            .waitFor()
                    == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static Rendering kustomize(Path dir) throws IOException, InterruptedException {
        Path out = Files.createTempFile("kustomize", ".yaml");
        Path err = Files.createTempFile("kustomize", ".err");
        try {
            Process process = new ProcessBuilder("kubectl", "kustomize", dir.toString())
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                return new Rendering(-1, "", "kubectl kustomize did not finish within 2 minutes");
            }
            return new Rendering(process.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    static List<JsonNode> workloads(List<JsonNode> docs) {
        return docs.stream()
                .filter(d -> Set.of("Deployment", "StatefulSet")
                        .contains(d.path("kind").asString()))
                .toList();
    }

    static List<JsonNode> containers(JsonNode workload) {
        return new ArrayList<>(workload.path("spec")
                .path("template")
                .path("spec")
                .path("containers")
                .values());
    }

    static Map<String, JsonNode> byName(List<JsonNode> docs, String kind) {
        Map<String, JsonNode> found = new LinkedHashMap<>();
        for (JsonNode doc : docs) {
            if (doc.path("kind").asString().equals(kind)) {
                found.put(name(doc), doc);
            }
        }
        return found;
    }

    static String name(JsonNode doc) {
        return doc.path("metadata").path("name").asString();
    }

    /** A container's environment as the kubelet gives it: the ConfigMaps it reads, then its own entries. */
    static Map<String, String> environment(JsonNode container, Map<String, JsonNode> configMaps) {
        Map<String, String> env = new LinkedHashMap<>();
        for (JsonNode source : container.path("envFrom")) {
            JsonNode configMap =
                    configMaps.get(source.path("configMapRef").path("name").asString());
            if (configMap != null) {
                configMap
                        .path("data")
                        .properties()
                        .forEach(e -> env.put(e.getKey(), e.getValue().asString()));
            }
        }
        for (JsonNode variable : container.path("env")) {
            String name = variable.path("name").asString();
            JsonNode configMapKey = variable.path("valueFrom").path("configMapKeyRef");
            if (variable.has("value")) {
                env.put(name, expand(variable.path("value").asString(), env));
            } else if (!configMapKey.isMissingNode()) {
                JsonNode configMap = configMaps.get(configMapKey.path("name").asString());
                env.put(
                        name,
                        configMap == null
                                ? null
                                : configMap
                                        .path("data")
                                        .path(configMapKey.path("key").asString())
                                        .asString(null));
            } else {
                env.put(name, "<from a Secret>");
            }
        }
        return env;
    }

    /** Compose's {@code environment}: a map or a list of {@code NAME=value}. */
    static Map<String, String> environment(JsonNode environment) {
        Map<String, String> env = new LinkedHashMap<>();
        if (environment.isArray()) {
            environment.forEach(entry -> {
                String[] parts = entry.asString().split("=", 2);
                env.put(parts[0], parts.length > 1 ? parts[1] : null);
            });
        } else {
            environment
                    .properties()
                    .forEach(e -> env.put(
                            e.getKey(),
                            e.getValue().isNull() ? null : e.getValue().asString()));
        }
        return env;
    }

    private static String expand(String value, Map<String, String> env) {
        if (value == null) {
            return null;
        }
        Matcher reference = Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_]*)\\)").matcher(value);
        StringBuilder expanded = new StringBuilder();
        while (reference.find()) {
            String replacement = env.getOrDefault(reference.group(1), reference.group());
            reference.appendReplacement(expanded, Matcher.quoteReplacement(replacement == null ? "" : replacement));
        }
        reference.appendTail(expanded);
        return expanded.toString();
    }

    /** A command given as a list or as one string, as words. */
    static List<String> words(JsonNode command) {
        List<String> words = new ArrayList<>();
        if (command.isArray()) {
            command.forEach(w -> words.add(w.asString()));
        } else if (command.isString()) {
            words.addAll(List.of(command.asString().trim().split("\\s+")));
        }
        return words;
    }

    /** {@code --name=value} or {@code --name value}; null when absent. */
    static String option(List<String> args, String name) {
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.startsWith(name + "=")) {
                return arg.substring(name.length() + 1);
            }
            if (arg.equals(name) && i + 1 < args.size()) {
                return args.get(i + 1);
            }
        }
        return null;
    }

    private static Element plugin(Document pom, String section, String artifactId) {
        Element build = child(pom.getDocumentElement(), "build");
        Element plugins = build == null
                ? null
                : section.equals("pluginManagement")
                        ? child(child(build, "pluginManagement"), "plugins")
                        : child(build, "plugins");
        if (plugins == null) {
            return null;
        }
        for (Node n = plugins.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element plugin
                    && plugin.getTagName().equals("plugin")
                    && artifactId.equals(text(plugin, "artifactId"))) {
                return plugin;
            }
        }
        return null;
    }

    private static Element child(Element parent, String name) {
        if (parent == null) {
            return null;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e;
            }
        }
        return null;
    }

    private static String text(Element parent, String... path) {
        Element e = parent;
        for (String name : path) {
            e = child(e, name);
        }
        return e == null ? null : e.getTextContent().trim();
    }
}
