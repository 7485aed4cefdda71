package cn.fulian.reporting;

import static cn.fulian.starter.test.TestTokens.cangshanStaff;
import static cn.fulian.starter.test.TestTokens.gulouStaff;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.fulian.starter.test.RealServersTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The dashboard against a real MongoDB replica set and Kafka (only where Docker runs). */
class ReportingRealServersTest extends RealServersTest {

    @Autowired
    MockMvc mvc;

    @Test
    void aDistrictReadsItsOwnDashboardAndNotItsSiblings() throws Exception {
        mvc.perform(get("/api/reports/dashboard").param("year", "2026").with(gulouStaff()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.unit.path").value("350100/350102"))
                .andExpect(jsonPath("$.year").value(2026));
        mvc.perform(get("/api/reports/dashboard")
                        .param("year", "2026")
                        .param("unit", "350100/350102")
                        .with(cangshanStaff()))
                .andExpect(status().isNotFound());
    }
}
