package cn.fulian.infra.federation;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Which federation an installation serves, read from its settings file ({@code federation.yaml}): the root unit, the
 * unit tree to load on a first start, the public address browsers open, and whether the demo (plans, accounts) is
 * loaded. The launcher derives the Keycloak realm and the services' settings from it.
 *
 * @param file the settings file itself (relative paths in it are resolved against its folder)
 * @param name the federation's name, shown on the login page ({@code 清溪县妇联})
 * @param rootCode the root unit's code; the tree's root must carry it
 * @param rootName the root unit's name ({@code 清溪县})
 * @param rootType the root unit's type ({@code PROVINCE}, {@code CITY}, {@code COUNTY}, {@code COUNTY_CITY}, {@code
 *     DISTRICT})
 * @param tree where the planning service reads the tree: {@code classpath:…} or an absolute {@code file:} URI
 * @param publicUrl the console's address as browsers see it, when it is not the local gateway's
 * @param demo true to load the demo plan and the demo accounts (password {@code demo}); false for a real installation
 */
public record FederationSettings(
        Path file,
        String name,
        String rootCode,
        String rootName,
        String rootType,
        String tree,
        Optional<String> publicUrl,
        boolean demo) {

    /** Types a root unit may have: a federation is rooted at a province, a city, a county or a district. */
    public static final Set<String> ROOT_TYPES = Set.of("PROVINCE", "CITY", "COUNTY", "COUNTY_CITY", "DISTRICT");

    private static final Pattern DIVISION_CODE = Pattern.compile("\\d{6}");
    private static final List<String> TREE_FORMATS = List.of(".yaml", ".yml", ".csv", ".xlsx");

    /** The file {@code ./platform up} reads when {@code FEDERATION_SETTINGS} names none: the 福州 demo. */
    public static Path defaultFile(Path root) {
        return root.resolve("infra").resolve("federations").resolve("fuzhou").resolve("federation.yaml");
    }

    /**
     * Reads and checks a settings file.
     *
     * @throws IllegalArgumentException naming the file and each field that is missing or wrong
     */
    public static FederationSettings load(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        if (!Files.isRegularFile(absolute)) {
            throw new IllegalArgumentException("federation settings file not found: " + absolute);
        }
        JsonNode root;
        try {
            root = new YAMLMapper().readTree(absolute.toFile());
        } catch (JacksonException e) {
            throw new IllegalArgumentException(
                    "federation settings " + absolute + " are not valid YAML: " + e.getOriginalMessage());
        }
        JsonNode federation = root == null ? null : root.path("federation");
        List<String> problems = new ArrayList<>();
        if (federation == null || !federation.isObject()) {
            throw new IllegalArgumentException(
                    "federation settings " + absolute + ": the top-level key 'federation' is missing");
        }
        String name = text(federation, "name", problems);
        JsonNode rootUnit = federation.path("root");
        String rootCode = text(rootUnit, "code", "root.code", problems);
        String rootName = text(rootUnit, "name", "root.name", problems);
        String rootType = text(rootUnit, "type", "root.type", problems);
        if (rootCode != null && !DIVISION_CODE.matcher(rootCode).matches()) {
            problems.add(
                    "root.code: a root unit's code is its 6-digit division code (GB/T 2260), was '" + rootCode + "'");
        }
        if (rootType != null && !ROOT_TYPES.contains(rootType.toUpperCase(Locale.ROOT))) {
            problems.add(
                    "root.type: must be one of " + ROOT_TYPES.stream().sorted().toList() + ", was '" + rootType + "'");
        }
        String tree = tree(absolute, text(federation, "tree", problems), problems);
        Optional<String> publicUrl = Optional.ofNullable(optionalText(federation, "publicUrl"))
                .map(url -> url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        publicUrl.ifPresent(url -> {
            if (!url.matches("https?://[^/\\s]+(/[^\\s]*)?")) {
                problems.add(
                        "publicUrl: must be an http(s) address such as https://fulian.example.cn, was '" + url + "'");
            }
        });
        JsonNode demo = federation.path("demo");
        if (!demo.isMissingNode() && !demo.isBoolean()) {
            problems.add("demo: must be true or false, was '" + demo.asString() + "'");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(
                    "federation settings " + absolute + ":\n  - " + String.join("\n  - ", problems));
        }
        return new FederationSettings(
                absolute,
                name,
                rootCode,
                rootName,
                rootType.toUpperCase(Locale.ROOT),
                tree,
                publicUrl,
                demo.asBoolean(false));
    }

    /** The folder this installation's generated files are kept in is named after it: {@code fuzhou}, {@code qingxi}. */
    public String id() {
        return file.getParent().getFileName().toString();
    }

    private static String tree(Path settings, String value, List<String> problems) {
        if (value == null) {
            return null;
        }
        if (value.startsWith("classpath:")) {
            return value;
        }
        Path tree = settings.getParent().resolve(value).normalize();
        String lower = tree.getFileName().toString().toLowerCase(Locale.ROOT);
        if (TREE_FORMATS.stream().noneMatch(lower::endsWith)) {
            problems.add("tree: must be a .yaml, .csv or .xlsx file, was '" + value + "'");
            return null;
        }
        if (!Files.isRegularFile(tree)) {
            problems.add("tree: file not found: " + tree);
            return null;
        }
        return tree.toUri().toString();
    }

    private static String text(JsonNode node, String field, List<String> problems) {
        return text(node, field, field, problems);
    }

    private static String text(JsonNode node, String field, String label, List<String> problems) {
        String value = optionalText(node, field);
        if (value == null) {
            problems.add(label + ": required");
        }
        return value;
    }

    private static String optionalText(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        String text = value.asString().trim();
        return text.isEmpty() ? null : text;
    }

    /** The tree as a file on disk, when it is not the planning service's built-in one. */
    public Optional<Path> treeFile() {
        return tree.startsWith("file:") ? Optional.of(Path.of(URI.create(tree))) : Optional.empty();
    }
}
