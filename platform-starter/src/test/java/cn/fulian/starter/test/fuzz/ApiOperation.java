package cn.fulian.starter.test.fuzz;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * One operation of a service's OpenAPI document, as far as malformed input needs it: where it lives, its path and
 * query parameters, and what its body should look like.
 *
 * @param method HTTP method in upper case
 * @param path path template with {@code {name}} variables
 * @param pathParams path parameters with their schemas
 * @param queryParams query parameters with their schemas
 * @param bodyType the first declared body media type, or {@code null} when the operation takes no body
 * @param bodySchema the body schema with every {@code $ref} resolved lazily by {@link OpenApiDocument}
 */
public record ApiOperation(
        String method,
        String path,
        List<Param> pathParams,
        List<Param> queryParams,
        String bodyType,
        JsonNode bodySchema) {

    /** A parameter and its schema. */
    public record Param(String name, JsonNode schema) {}

    public boolean hasJsonBody() {
        return bodyType != null && bodyType.contains("json");
    }

    public boolean hasMultipartBody() {
        return bodyType != null && bodyType.startsWith("multipart/");
    }

    public boolean hasTextBody() {
        return bodyType != null && !hasJsonBody() && !hasMultipartBody();
    }

    public boolean writes() {
        return !method.equals("GET");
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
