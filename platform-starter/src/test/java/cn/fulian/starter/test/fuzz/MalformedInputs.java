package cn.fulian.starter.test.fuzz;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Makes one malformed request for an operation from a seeded {@link Random}: a plausible body built from the
 * operation's schema with exactly one thing broken (a wrong JSON type, a missing required field, a 100k-character
 * string, 5,000 levels of nesting, invalid UTF-8, a boundary number, an impossible date, an unknown enum value), or a
 * broken request as a whole (empty body, wrong content type, garbage multipart, broken JSON, odd ids and queries).
 */
final class MalformedInputs {

    /** Stands for a raw token spliced into the serialised JSON, where a JSON tree cannot hold it. */
    private static final String RAW = "__fuzz_raw__";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String HUGE = "长".repeat(50_000) + "x".repeat(50_000);
    private static final String DEEP_ARRAY = "[".repeat(5_000) + "]".repeat(5_000);
    private static final String DEEP_OBJECT = "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000);
    private static final byte[] INVALID_UTF8 = {
        (byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE, (byte) 0xED, (byte) 0xA0, (byte) 0x80, (byte) 0xF8
    };

    private static final List<String> BOUNDARY_NUMBERS = List.of(
            "1e308",
            "-1e308",
            "1e309",
            "NaN",
            "\"NaN\"",
            "Infinity",
            "-Infinity",
            "-0",
            "-0.0",
            "9223372036854775808",
            "-9223372036854775809",
            "2147483648",
            "-2147483649",
            "1e-400",
            "123456789012345678901234567890.5",
            "0x10",
            "01",
            "1e99999999");
    private static final List<String> BAD_DATES = List.of(
            "2026-02-30",
            "2026-13-01",
            "2026-00-10",
            "2025-02-29",
            "26-1-1",
            "2026/03/01",
            "2026-02-29T25:61:00Z",
            "2026-03-01T08:00:00+25:00",
            "+999999999-12-31",
            "-0001-01-01",
            "0000-00-00",
            "",
            "昨天");
    private static final List<String> UNKNOWN_ENUMS = List.of("NOT_A_VALUE", "", " ", "null", "未知", "0", "DRAFT\u0000");
    private static final List<String> BROKEN_JSON = List.of(
            "{",
            "}",
            "{\"a\":}",
            "{\"a\":1,}",
            "{'a':1}",
            "{\"a\" 1}",
            "[1,2",
            "\"unterminated",
            "{\"a\":\"\\uZZZZ\"}",
            "{\"a\":tru}",
            "/* comment */ {}",
            "{\"a\":1}{\"b\":2}",
            "\u0000\u0001\u0002");
    private static final List<String> NOT_AN_OBJECT =
            List.of("null", "[]", "[{}]", "\"text\"", "123", "true", "-0", "1e308", "{}", "[null]");
    private static final List<String> WRONG_CONTENT_TYPES = List.of(
            MediaType.TEXT_PLAIN_VALUE,
            MediaType.APPLICATION_XML_VALUE,
            MediaType.APPLICATION_FORM_URLENCODED_VALUE,
            MediaType.APPLICATION_OCTET_STREAM_VALUE,
            "application/json; charset=klingon",
            "application/json; charset=UTF-32",
            "text/html",
            "application/x-yaml",
            "image/png",
            "not a media type",
            "application/");
    private static final List<String> IMPLAUSIBLE_IDS = List.of(
            "",
            " ",
            "..",
            "../../etc/passwd",
            "%00",
            "null",
            "undefined",
            "-1",
            "0",
            "9223372036854775808",
            "1e308",
            "NaN",
            "{\"$ne\":null}",
            "$where",
            "' OR 1=1 --",
            "<script>alert(1)</script>",
            "鼓楼区",
            "😀",
            "a".repeat(2_000),
            "act-",
            "hon-",
            "act-" + "x".repeat(500),
            "act-%2e%2e",
            "a b;c=d");
    private static final List<String> PLAUSIBLE_IDS = List.of(
            "act-00000000-0000-0000-0000-000000000000",
            "hon-00000000-0000-0000-0000-000000000000",
            "plan-2026-fuzz",
            "case-2026-000001",
            "0d7f0c1e-7c6a-4d2b-9d5a-1f2e3d4c5b6a",
            "65f0c0ffee0000000000beef",
            "2026",
            "350102999",
            "350100",
            "350102",
            "350102001",
            "350104001",
            "task-1",
            "evidence-1");
    private static final List<String> BAD_QUERY_VALUES = List.of(
            "-1",
            "-2147483648",
            "2147483648",
            "9223372036854775808",
            "1e308",
            "NaN",
            "abc",
            "",
            "2026-02-30",
            "NOT_A_VALUE",
            "%",
            "\u0000",
            "[]",
            "{}",
            "a".repeat(5_000),
            "0",
            "100000000",
            "350100/../..",
            "^.*$",
            "(a+)+$");

    private final Random random;
    private final OpenApiDocument document;
    private final List<Map.Entry<String, RequestPostProcessor>> users;

    MalformedInputs(Random random, OpenApiDocument document, List<Map.Entry<String, RequestPostProcessor>> users) {
        this.random = random;
        this.document = document;
        this.users = users;
    }

    FuzzRequest next(int index, ApiOperation op) {
        Map.Entry<String, RequestPostProcessor> user = pick(users);
        List<String> kinds = kindsFor(op);
        String kind = pick(kinds);
        Map<String, String> query = new HashMap<>();
        boolean badIds = kind.equals("implausible-id");
        if (kind.equals("bad-query")) {
            for (ApiOperation.Param p : op.queryParams()) {
                if (random.nextInt(3) > 0) {
                    query.put(p.name(), pick(BAD_QUERY_VALUES));
                }
            }
            if (query.isEmpty()) {
                query.put(op.queryParams().get(0).name(), pick(BAD_QUERY_VALUES));
            }
        }
        URI uri = uri(op, badIds, query);
        String contentType = op.bodyType() == null ? null : op.bodyType();
        byte[] body = null;
        MockMultipartFile file = null;
        switch (kind) {
            case "wrong-type" -> body = json(mutate(op, "wrong-type"));
            case "missing-required" -> body = json(mutate(op, "missing-required"));
            case "huge-string" -> body = json(mutate(op, "huge-string"));
            case "deep-nesting" -> body = splice(mutate(op, "raw"), random.nextBoolean() ? DEEP_ARRAY : DEEP_OBJECT);
            case "invalid-utf8" -> body = splice(mutate(op, "raw"), INVALID_UTF8, true);
            case "boundary-number" -> body = splice(mutate(op, "raw-number"), pick(BOUNDARY_NUMBERS));
            case "impossible-date" -> body = json(mutate(op, "date"));
            case "unknown-enum" -> body = json(mutate(op, "enum"));
            case "deep-body" -> body = utf8(random.nextBoolean() ? DEEP_ARRAY : DEEP_OBJECT);
            case "broken-json" -> body = utf8(pick(BROKEN_JSON));
            case "not-an-object" -> body = utf8(pick(NOT_AN_OBJECT));
            case "empty-body" -> body = new byte[0];
            case "no-content-type" -> {
                contentType = null;
                body = op.hasJsonBody() ? json(skeleton(op.bodySchema(), 0)) : utf8("x");
            }
            case "wrong-content-type" -> {
                contentType = pick(WRONG_CONTENT_TYPES);
                body = op.hasJsonBody() ? json(skeleton(op.bodySchema(), 0)) : randomBytes(64);
            }
            case "garbage-multipart" -> {
                contentType = random.nextBoolean()
                        ? "multipart/form-data; boundary=fuzz"
                        : MediaType.MULTIPART_FORM_DATA_VALUE;
                body = randomBytes(1 + random.nextInt(512));
            }
            case "multipart-wrong-part" -> {
                contentType = null;
                file = new MockMultipartFile("not-the-part", "a.xlsx", "application/octet-stream", randomBytes(32));
            }
            case "multipart-garbage-file" -> {
                contentType = null;
                file = new MockMultipartFile(
                        partName(op), oddFileName(), oddFileType(), randomBytes(random.nextInt(2048)));
            }
            case "multipart-empty-file" -> {
                contentType = null;
                file = new MockMultipartFile(partName(op), "empty.xlsx", "application/octet-stream", new byte[0]);
            }
            case "garbage-text" -> body = randomBytes(1 + random.nextInt(1024));
            case "yaml-nesting" -> body = utf8("a: " + "[".repeat(5_000));
            case "yaml-alias-bomb" -> body = utf8(aliasBomb());
            case "yaml-wrong-types" -> body = utf8("year: abc\ntasks: 5\ntitle: [1, 2]\n");
            case "text-invalid-utf8" -> body = INVALID_UTF8.clone();
            case "text-huge" -> body = utf8("title: " + HUGE);
            case "garbage-body", "implausible-id", "plausible-id", "bad-query" -> {
                if (op.hasJsonBody()) {
                    body = json(mutate(op, "wrong-type"));
                } else if (op.bodyType() == null && random.nextBoolean()) {
                    contentType = MediaType.APPLICATION_JSON_VALUE;
                    body = utf8(pick(BROKEN_JSON));
                } else if (op.bodyType() != null) {
                    body = randomBytes(16);
                }
            }
            default -> throw new IllegalStateException(kind);
        }
        return new FuzzRequest(index, op, kind, uri, contentType, body, file, user.getKey(), user.getValue());
    }

    private List<String> kindsFor(ApiOperation op) {
        List<String> kinds = new ArrayList<>(List.of("implausible-id"));
        if (!op.pathParams().isEmpty()) {
            kinds.add("plausible-id");
        }
        if (!op.queryParams().isEmpty()) {
            kinds.addAll(List.of("bad-query", "bad-query"));
        }
        if (op.hasJsonBody()) {
            kinds.addAll(List.of(
                    "wrong-type",
                    "wrong-type",
                    "wrong-type",
                    "missing-required",
                    "missing-required",
                    "huge-string",
                    "deep-nesting",
                    "invalid-utf8",
                    "boundary-number",
                    "boundary-number",
                    "impossible-date",
                    "unknown-enum",
                    "deep-body",
                    "broken-json",
                    "not-an-object",
                    "empty-body",
                    "no-content-type",
                    "wrong-content-type",
                    "garbage-multipart"));
        } else if (op.hasMultipartBody()) {
            kinds.addAll(List.of(
                    "multipart-wrong-part",
                    "multipart-garbage-file",
                    "multipart-garbage-file",
                    "multipart-empty-file",
                    "garbage-multipart",
                    "garbage-multipart",
                    "wrong-content-type",
                    "empty-body"));
        } else if (op.hasTextBody()) {
            kinds.addAll(List.of(
                    "garbage-text",
                    "yaml-nesting",
                    "yaml-alias-bomb",
                    "yaml-wrong-types",
                    "text-invalid-utf8",
                    "text-huge",
                    "empty-body",
                    "wrong-content-type",
                    "broken-json"));
        } else if (op.writes()) {
            kinds.addAll(List.of("garbage-body", "wrong-content-type", "garbage-multipart"));
        }
        return kinds;
    }

    private URI uri(ApiOperation op, boolean implausible, Map<String, String> query) {
        UriComponentsBuilder builder = UriComponentsBuilder.fromPath(op.path());
        Map<String, Object> vars = new HashMap<>();
        for (ApiOperation.Param p : op.pathParams()) {
            vars.put(p.name(), implausible || random.nextInt(10) == 0 ? pick(IMPLAUSIBLE_IDS) : plausible(p.schema()));
        }
        int i = 0;
        for (Map.Entry<String, String> q : query.entrySet()) {
            String var = "fuzzq" + i++;
            builder.queryParam(q.getKey(), "{" + var + "}");
            vars.put(var, q.getValue());
        }
        return builder.encode().buildAndExpand(vars).toUri();
    }

    private String plausible(JsonNode schema) {
        String type = type(schema);
        if (type.equals("integer") || type.equals("number")) {
            return pick(List.of("2026", "2025", "1", "0", "2100", "1999"));
        }
        return pick(PLAUSIBLE_IDS);
    }

    /** A body that would look right to a hurried reader, with one thing broken as {@code how} says. */
    private JsonNode mutate(ApiOperation op, String how) {
        JsonNode body = skeleton(op.bodySchema(), 0);
        if (!(body instanceof ObjectNode)) {
            return how.startsWith("raw") ? NODES.stringNode(RAW) : wrongTypeFor(body);
        }
        List<Slot> slots = new ArrayList<>();
        collect((ObjectNode) body, op.bodySchema(), slots, 0);
        if (slots.isEmpty()) {
            ObjectNode extra = (ObjectNode) body;
            extra.put("unexpected", how.startsWith("raw") ? RAW : HUGE);
            return body;
        }
        switch (how) {
            case "wrong-type" -> {
                Slot s = pick(slots);
                s.parent().set(s.name(), wrongTypeFor(s.parent().get(s.name())));
            }
            case "missing-required" -> {
                List<Slot> required = slots.stream().filter(Slot::required).toList();
                Slot s = pick(required.isEmpty() ? slots : required);
                if (required.isEmpty() || random.nextBoolean()) {
                    s.parent().putNull(s.name());
                } else {
                    s.parent().remove(s.name());
                }
            }
            case "huge-string" -> {
                Slot s = pick(preferring(slots, "string"));
                s.parent().put(s.name(), HUGE);
            }
            case "raw" -> {
                Slot s = pick(slots);
                s.parent().put(s.name(), RAW);
            }
            case "raw-number" -> {
                Slot s = pick(preferring(slots, "integer", "number"));
                s.parent().put(s.name(), RAW);
            }
            case "date" -> {
                List<Slot> dates = slots.stream()
                        .filter(sl -> sl.schema().path("format").asString().startsWith("date"))
                        .toList();
                Slot s = pick(dates.isEmpty() ? preferring(slots, "string") : dates);
                s.parent().put(s.name(), pick(BAD_DATES));
            }
            case "enum" -> {
                List<Slot> enums =
                        slots.stream().filter(sl -> sl.schema().has("enum")).toList();
                Slot s = pick(enums.isEmpty() ? preferring(slots, "string") : enums);
                String value = pick(UNKNOWN_ENUMS);
                JsonNode current = s.parent().get(s.name());
                s.parent()
                        .put(
                                s.name(),
                                random.nextBoolean() && current.isString()
                                        ? current.asString().toLowerCase() + "_X"
                                        : value);
            }
            default -> throw new IllegalStateException(how);
        }
        return body;
    }

    private List<Slot> preferring(List<Slot> slots, String... types) {
        List<Slot> matching = slots.stream()
                .filter(s -> List.of(types).contains(type(s.schema())))
                .toList();
        return matching.isEmpty() ? slots : matching;
    }

    private record Slot(ObjectNode parent, String name, JsonNode schema, boolean required) {}

    private void collect(ObjectNode node, JsonNode schema, List<Slot> slots, int depth) {
        JsonNode s = flatten(schema);
        List<String> required = new ArrayList<>();
        s.path("required").forEach(r -> required.add(r.asString()));
        for (Map.Entry<String, JsonNode> prop : s.path("properties").properties()) {
            JsonNode propSchema = flatten(prop.getValue());
            if (!node.has(prop.getKey())) {
                continue;
            }
            slots.add(new Slot(node, prop.getKey(), propSchema, required.contains(prop.getKey())));
            JsonNode value = node.get(prop.getKey());
            if (depth < 4 && value instanceof ObjectNode child) {
                collect(child, propSchema, slots, depth + 1);
            } else if (depth < 4
                    && value instanceof ArrayNode array
                    && array.size() > 0
                    && array.get(0) instanceof ObjectNode item) {
                collect(item, flatten(propSchema.path("items")), slots, depth + 1);
            }
        }
    }

    /** A plausible value for a schema: the shape a client that read the document would send. */
    JsonNode skeleton(JsonNode schema, int depth) {
        JsonNode s = flatten(schema);
        if (s.has("enum") && s.path("enum").size() > 0) {
            return s.path("enum").get(0);
        }
        switch (type(s)) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                if (depth < 5) {
                    for (Map.Entry<String, JsonNode> prop : s.path("properties").properties()) {
                        object.set(prop.getKey(), skeleton(prop.getValue(), depth + 1));
                    }
                }
                return object;
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                if (depth < 5) {
                    array.add(skeleton(s.path("items"), depth + 1));
                }
                return array;
            }
            case "integer" -> {
                return NODES.numberNode(s.has("minimum") ? s.path("minimum").asLong() : 1L);
            }
            case "number" -> {
                return NODES.numberNode(s.has("minimum") ? s.path("minimum").asDouble() : 1.5);
            }
            case "boolean" -> {
                return NODES.booleanNode(true);
            }
            default -> {
                return switch (s.path("format").asString()) {
                    case "date" -> NODES.stringNode("2026-03-01");
                    case "date-time" -> NODES.stringNode("2026-03-01T08:00:00Z");
                    case "int64", "int32" -> NODES.stringNode("1");
                    default -> NODES.stringNode("样例");
                };
            }
        }
    }

    private JsonNode wrongTypeFor(JsonNode current) {
        List<JsonNode> options = new ArrayList<>();
        if (!current.isString()) {
            options.add(NODES.stringNode("不是数字"));
            options.add(NODES.stringNode(""));
        }
        if (!current.isNumber()) {
            options.add(NODES.numberNode(42));
            options.add(NODES.numberNode(-1.5));
        }
        if (!current.isBoolean()) {
            options.add(NODES.booleanNode(false));
        }
        if (!current.isArray()) {
            options.add(NODES.arrayNode());
            options.add(NODES.arrayNode().add(1).add("a").addNull());
        }
        if (!current.isObject()) {
            options.add(NODES.objectNode());
            options.add(NODES.objectNode().put("a", 1));
        }
        if (!current.isNull()) {
            options.add(NODES.nullNode());
        }
        return pick(options);
    }

    /** Merges {@code allOf} and takes the first of {@code oneOf}/{@code anyOf}, following references. */
    private JsonNode flatten(JsonNode schema) {
        JsonNode s = document.resolve(schema);
        for (String alt : List.of("oneOf", "anyOf")) {
            if (s.has(alt) && s.path(alt).size() > 0) {
                JsonNode first = s.path(alt).get(0);
                if (document.resolve(first).path("type").asString().equals("null")
                        && s.path(alt).size() > 1) {
                    first = s.path(alt).get(1);
                }
                return flatten(first);
            }
        }
        if (s.has("allOf") && s.path("allOf").size() > 0) {
            ObjectNode merged = NODES.objectNode();
            ObjectNode props = merged.putObject("properties");
            ArrayNode required = merged.putArray("required");
            merged.put("type", "object");
            for (JsonNode part : s.path("allOf")) {
                JsonNode p = flatten(part);
                p.path("properties").properties().forEach(e -> props.set(e.getKey(), e.getValue()));
                p.path("required").forEach(required::add);
            }
            return merged;
        }
        return s;
    }

    private static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!t.asString().equals("null")) {
                    return t.asString();
                }
            }
        }
        if (type.isString()) {
            return type.asString();
        }
        return schema.has("properties") ? "object" : schema.has("items") ? "array" : "string";
    }

    private String partName(ApiOperation op) {
        JsonNode s = flatten(op.bodySchema() == null ? NODES.objectNode() : op.bodySchema());
        for (Map.Entry<String, JsonNode> prop : s.path("properties").properties()) {
            return prop.getKey();
        }
        return "file";
    }

    private String oddFileName() {
        return pick(List.of(
                "a.xlsx",
                "a.jpg",
                "a.pdf",
                "../../../etc/passwd",
                "",
                "名单.xlsx",
                "a".repeat(1_000) + ".xlsx",
                "nul\u0000.xlsx",
                ".xlsx",
                "a.exe"));
    }

    private String oddFileType() {
        return pick(List.of(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "image/jpeg",
                "application/pdf",
                "application/octet-stream",
                "text/plain",
                "not/a type",
                ""));
    }

    private static String aliasBomb() {
        StringBuilder s =
                new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (int i = 1; i < 10; i++) {
            char prev = (char) ('a' + i - 1);
            char cur = (char) ('a' + i);
            s.append(cur).append(": &").append(cur).append(" [");
            for (int j = 0; j < 9; j++) {
                s.append(j == 0 ? "" : ",").append('*').append(prev);
            }
            s.append("]\n");
        }
        return s.toString();
    }

    private byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        random.nextBytes(bytes);
        return bytes;
    }

    private <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    private static byte[] json(JsonNode node) {
        return JSON.writeValueAsBytes(node);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] splice(JsonNode node, String raw) {
        return splice(node, utf8(raw), false);
    }

    /** Puts raw bytes where the marker stood: inside the string quotes, or in place of the whole string. */
    private static byte[] splice(JsonNode node, byte[] raw, boolean insideString) {
        String text = JSON.writeValueAsString(node);
        String marker = "\"" + RAW + "\"";
        int at = text.indexOf(marker);
        if (at < 0) {
            return utf8(text);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(utf8(text.substring(0, at)));
        if (insideString) {
            out.writeBytes(utf8("\"ok"));
            out.writeBytes(raw);
            out.writeBytes(utf8("\""));
        } else {
            out.writeBytes(raw);
        }
        out.writeBytes(utf8(text.substring(at + marker.length())));
        return out.toByteArray();
    }
}
