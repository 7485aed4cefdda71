package cn.fulian.starter.test.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A service's own OpenAPI document read back as the list of operations that take input: every POST, PUT, PATCH and
 * DELETE, and every GET with query parameters (lists and filters read input too). Event streams are left out: they
 * never finish on their own.
 */
public final class OpenApiDocument {

    private static final List<String> WRITES = List.of("post", "put", "patch", "delete");

    private final JsonNode root;

    private OpenApiDocument(JsonNode root) {
        this.root = root;
    }

    public static OpenApiDocument parse(String json) {
        return new OpenApiDocument(JsonMapper.builder().build().readTree(json));
    }

    public List<ApiOperation> operations() {
        List<ApiOperation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : root.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                String method = op.getKey();
                JsonNode operation = op.getValue();
                List<ApiOperation.Param> pathParams = new ArrayList<>();
                List<ApiOperation.Param> queryParams = new ArrayList<>();
                for (JsonNode p : operation.path("parameters")) {
                    JsonNode param = resolve(p);
                    ApiOperation.Param parsed =
                            new ApiOperation.Param(param.path("name").asString(), resolve(param.path("schema")));
                    switch (param.path("in").asString()) {
                        case "path" -> pathParams.add(parsed);
                        case "query" -> queryParams.add(parsed);
                        default -> {
                            // headers and cookies are not part of the services' inputs
                        }
                    }
                }
                boolean input = WRITES.contains(method) || (method.equals("get") && !queryParams.isEmpty());
                if (!input || producesEventStream(operation)) {
                    continue;
                }
                String bodyType = null;
                JsonNode bodySchema = null;
                JsonNode content = resolve(operation.path("requestBody")).path("content");
                for (Map.Entry<String, JsonNode> media : content.properties()) {
                    bodyType = media.getKey();
                    bodySchema = resolve(media.getValue().path("schema"));
                    break;
                }
                operations.add(new ApiOperation(
                        method.toUpperCase(), path.getKey(), pathParams, queryParams, bodyType, bodySchema));
            }
        }
        return operations;
    }

    /** Follows a local {@code $ref} (the only kind springdoc writes). */
    JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; hops < 10 && current.has("$ref"); hops++) {
            String ref = current.path("$ref").asString();
            current = root.at(ref.substring(1));
        }
        return current;
    }

    private static boolean producesEventStream(JsonNode operation) {
        for (JsonNode response : operation.path("responses")) {
            if (response.path("content").has("text/event-stream")) {
                return true;
            }
        }
        return false;
    }
}
