package cn.fulian.activity.support;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Small helpers to call the API the way the console does and read its JSON answers. */
public final class Api {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    public static final String BASE = "/api/activities";

    private Api() {}

    public static JsonNode json(MvcResult result) throws Exception {
        return JSON.readTree(result.getResponse().getContentAsByteArray());
    }

    public static String body(Object value) {
        return JSON.writeValueAsString(value);
    }

    /** A valid training activity of 2026 as the API takes it; tests change what they need. */
    public static Map<String, Object> training(String title, int participants, int women) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "TRAINING");
        m.put("title", title);
        m.put("year", 2026);
        m.put("startDate", "2026-04-10");
        m.put("endDate", "2026-04-12");
        m.put("place", "鼓东街道妇女之家");
        m.put("organiser", "鼓东街道妇联");
        m.put("description", "“双学双比”农村妇女实用技术培训");
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("sessions", 1);
        metrics.put("participants", participants);
        metrics.put("womenParticipants", women);
        m.put("metrics", metrics);
        m.put("links", new ArrayList<>());
        return m;
    }

    public static Map<String, Object> link(String assignmentId, String metric) {
        Map<String, Object> l = new LinkedHashMap<>();
        l.put("assignmentId", assignmentId);
        l.put("metric", metric);
        return l;
    }

    @SuppressWarnings("unchecked")
    public static void addLink(Map<String, Object> activity, String assignmentId, String metric) {
        ((List<Object>) activity.get("links")).add(link(assignmentId, metric));
    }

    public static JsonNode record(MockMvc mvc, RequestPostProcessor token, Map<String, Object> activity)
            throws Exception {
        return json(mvc.perform(post(BASE)
                        .with(token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body(activity)))
                .andExpect(status().isCreated())
                .andReturn());
    }

    /** How many activities in the caller's subtree have exactly this title. */
    public static long countTitled(MockMvc mvc, RequestPostProcessor token, String title) throws Exception {
        JsonNode page = json(mvc.perform(get(BASE).with(token).param("q", title).param("size", "200"))
                .andExpect(status().isOk())
                .andReturn());
        long n = 0;
        for (JsonNode item : page.get("items")) {
            if (item.get("title").asString().equals(title)) {
                n++;
            }
        }
        return n;
    }

    /** The {@code If-Match} a client sends to change a record it saw as {@code seen}: its version, quoted. */
    public static String ifMatch(JsonNode seen) {
        return "\"" + seen.get("version").asLong() + "\"";
    }

    /** An amendment body from an activity's current state, for tests to change. */
    public static Map<String, Object> amendmentOf(JsonNode activity, String reason) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("reason", reason);
        for (String f : List.of("title", "startDate", "endDate", "place", "organiser", "description")) {
            m.put(f, activity.get(f).isNull() ? null : activity.get(f).asString());
        }
        m.put("metrics", JSON.convertValue(activity.get("metrics"), Map.class));
        m.put("links", JSON.convertValue(activity.get("links"), List.class));
        return m;
    }
}
