package cn.fulian.rights;

import static cn.fulian.starter.test.TestTokens.gudongStaff;
import static cn.fulian.starter.test.TestTokens.gulouStaff;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.fulian.rights.support.RightsServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@RightsServiceTest
class RightsServiceFoundationTest {

    @Autowired
    MockMvc mvc;

    @Test
    void meAnswersTheCallersUnitFromTheToken() throws Exception {
        mvc.perform(get("/api/rights/me").with(gulouStaff()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.unitPath").value("350100/350102"))
                .andExpect(jsonPath("$.level").value("DISTRICT"));
        mvc.perform(get("/api/rights/me").with(gudongStaff()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.unitPath").value("350100/350102/350102001"))
                .andExpect(jsonPath("$.level").value("TOWNSHIP"));
    }

    @Test
    void meWithoutATokenIsUnauthorized() throws Exception {
        mvc.perform(get("/api/rights/me")).andExpect(status().isUnauthorized());
    }

    @Test
    void casesAndTheAccessRecordNeedAToken() throws Exception {
        mvc.perform(get("/api/rights/cases")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/rights/audit")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/rights/deadlines")).andExpect(status().isUnauthorized());
    }

    @Test
    void healthIsUpAndOpenApiDescribesTheServiceWithoutAToken() throws Exception {
        mvc.perform(get("/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.info.title").value("维权信访 / Rights API"))
                .andExpect(jsonPath("$.paths['/api/rights/me']").exists())
                .andExpect(jsonPath("$.paths['/api/rights/cases'].post").exists())
                .andExpect(jsonPath("$.paths['/api/rights/cases/{id}/transfers/accept'].post")
                        .exists())
                .andExpect(jsonPath("$.paths['/api/rights/audit'].get").exists())
                .andExpect(
                        jsonPath("$.components.securitySchemes.bearer.scheme").value("bearer"));
    }
}
