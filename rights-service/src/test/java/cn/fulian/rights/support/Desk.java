package cn.fulian.rights.support;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Drives the rights API the way the desk's browser would, and keeps every response body for later scanning. */
public class Desk {

    public static final String CASES = "/api/rights/cases";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MockMvc mvc;

    public Desk(MockMvc mvc) {
        this.mvc = mvc;
    }

    /** A response: status, body text and the body as JSON. */
    public record Reply(int status, String body, String etag) {
        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String id() {
            return json().get("id").asString();
        }
    }

    public static Map<String, Object> intake(Person p, String channel, String category, boolean urgent) {
        Map<String, Object> complainant = new LinkedHashMap<>();
        complainant.put("name", p.name());
        complainant.put("phone", p.phone());
        complainant.put("idNumber", p.idNumber());
        complainant.put("address", p.address());
        complainant.put("minorInvolved", true);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("channel", channel);
        body.put("category", category);
        body.put("urgent", urgent);
        body.put("complainant", complainant);
        body.put("respondent", Map.of("name", "陈" + p.name().substring(1), "relation", "丈夫"));
        body.put("account", p.account());
        return body;
    }

    public static Map<String, Object> intake(Person p) {
        return intake(p, "HOTLINE_12338", "DOMESTIC_VIOLENCE", false);
    }

    /** Registers and returns the new case's id; fails unless the case was created. */
    public String register(JwtRequestPostProcessor who, Map<String, Object> body) {
        Reply r = post(who, CASES, body);
        if (r.status() != 201) {
            throw new AssertionError("registration failed with " + r.status() + ": " + r.body());
        }
        return r.id();
    }

    public Reply post(JwtRequestPostProcessor who, String path, Object body) {
        return post(who, path, body, null);
    }

    public Reply post(JwtRequestPostProcessor who, String path, Object body, String ifMatch) {
        MockHttpServletRequestBuilder req =
                MockMvcRequestBuilders.post(path).with(who).contentType(MediaType.APPLICATION_JSON);
        if (body != null) {
            req.content(body instanceof String s ? s : JSON.writeValueAsString(body));
        }
        if (ifMatch != null) {
            req.header("If-Match", ifMatch);
        }
        return perform(req);
    }

    /**
     * An action sent the way the console sends it: with the case's version as {@code who} last read it (its {@code
     * ETag}) as {@code If-Match}. A case {@code who} cannot read still gets a well-formed header, so the answer is the
     * one about scope.
     */
    public Reply act(JwtRequestPostProcessor who, String caseId, String action, Object body) {
        String etag = getCase(who, caseId).etag();
        return post(who, CASES + "/" + caseId + "/" + action, body, etag == null ? "\"0\"" : etag);
    }

    /** Performs an action that must succeed. */
    public JsonNode ok(JwtRequestPostProcessor who, String caseId, String action, Object body) {
        Reply r = act(who, caseId, action, body);
        if (r.status() != 200) {
            throw new AssertionError(action + " failed with " + r.status() + ": " + r.body());
        }
        return r.json();
    }

    public Reply get(JwtRequestPostProcessor who, String path) {
        return perform(MockMvcRequestBuilders.get(path).with(who));
    }

    public Reply getCase(JwtRequestPostProcessor who, String caseId) {
        return get(who, CASES + "/" + caseId);
    }

    private Reply perform(MockHttpServletRequestBuilder req) {
        try {
            MvcResult result = mvc.perform(req).andReturn();
            return new Reply(
                    result.getResponse().getStatus(),
                    result.getResponse().getContentAsString(StandardCharsets.UTF_8),
                    result.getResponse().getHeader("ETag"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
