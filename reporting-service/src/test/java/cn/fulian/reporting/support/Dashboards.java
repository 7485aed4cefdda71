package cn.fulian.reporting.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.fulian.events.EventCodec;
import cn.fulian.starter.test.TestTokens;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/** The dashboard and the other per-unit views as the leader's screen gets them. */
public final class Dashboards {

    private Dashboards() {}

    /** {@code GET /api/reports/dashboard} of the unit and year with the leader's token: must answer 200. */
    public static JsonNode leaderView(MockMvc mvc, EventCodec codec, String unit, int year) throws Exception {
        return leaderRead(mvc, codec, "/api/reports/dashboard", unit, year);
    }

    /**
     * A child's full rows as its parent's dashboard summarises them ({@code GET /api/reports/dashboard/rows}), after
     * checking that the summary agrees with them: the same tasks, each with the completion and light of its row.
     */
    public static JsonNode childRows(MockMvc mvc, EventCodec codec, JsonNode child, int year) throws Exception {
        String path = child.get("unit").get("path").asString();
        JsonNode rows = leaderRead(mvc, codec, "/api/reports/dashboard/rows", path, year)
                .get("tasks");
        Map<String, String> fromRows = new TreeMap<>();
        rows.forEach(r -> fromRows.put(
                r.get("taskId").asString(),
                r.get("completionPercent") + " " + r.get("paceStatus").asString()));
        Map<String, String> fromSummary = new TreeMap<>();
        child.get("completion")
                .properties()
                .forEach(e -> fromSummary.put(
                        e.getKey(),
                        e.getValue() + " " + child.get("lights").get(e.getKey()).asString()));
        assertThat(fromSummary)
                .as("summary of %s on its parent's dashboard against its rows", path)
                .isEqualTo(fromRows);
        return rows;
    }

    /** A GET of a per-unit, per-year view ({@code ?unit&year}) with the leader's token: must answer 200. */
    public static JsonNode leaderRead(MockMvc mvc, EventCodec codec, String path, String unit, int year)
            throws Exception {
        String json = mvc.perform(get(path)
                        .param("unit", unit)
                        .param("year", String.valueOf(year))
                        .with(TestTokens.leader()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return codec.mapper().readTree(json);
    }
}
