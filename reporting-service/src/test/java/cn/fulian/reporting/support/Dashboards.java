package cn.fulian.reporting.support;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.fulian.events.EventCodec;
import cn.fulian.starter.test.TestTokens;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/** The dashboard and the other per-unit views as the leader's screen gets them. */
public final class Dashboards {

    private Dashboards() {}

    /** {@code GET /api/reports/dashboard} of the unit and year with the leader's token: must answer 200. */
    public static JsonNode leaderView(MockMvc mvc, EventCodec codec, String unit, int year) throws Exception {
        return leaderRead(mvc, codec, "/api/reports/dashboard", unit, year);
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
