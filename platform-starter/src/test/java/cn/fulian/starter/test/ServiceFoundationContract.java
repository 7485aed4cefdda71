package cn.fulian.starter.test;

import static cn.fulian.starter.test.TestTokens.gudongStaff;
import static cn.fulian.starter.test.TestTokens.gulouStaff;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** What every service answers the same way: {@code /me} from the token, 401 without one, health and OpenAPI. */
public abstract class ServiceFoundationContract {

    @Autowired
    protected MockMvc mvc;

    /** The service's public path, e.g. {@code /api/planning}. */
    protected abstract String apiPrefix();

    /** The title of the service's OpenAPI document. */
    protected abstract String apiTitle();

    @Test
    void meAnswersTheCallersUnitFromTheToken() throws Exception {
        mvc.perform(get(apiPrefix() + "/me").with(gulouStaff()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.unitPath").value("350100/350102"))
                .andExpect(jsonPath("$.level").value("DISTRICT"));
        mvc.perform(get(apiPrefix() + "/me").with(gudongStaff()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.unitPath").value("350100/350102/350102001"))
                .andExpect(jsonPath("$.level").value("TOWNSHIP"));
    }

    @Test
    void meWithoutATokenIsUnauthorized() throws Exception {
        mvc.perform(get(apiPrefix() + "/me")).andExpect(status().isUnauthorized());
    }

    @Test
    void healthIsUpAndOpenApiDescribesTheServiceWithoutAToken() throws Exception {
        mvc.perform(get("/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.info.title").value(apiTitle()))
                .andExpect(jsonPath("$.paths['" + apiPrefix() + "/me']").exists())
                .andExpect(
                        jsonPath("$.components.securitySchemes.bearer.scheme").value("bearer"));
    }

    @Test
    void theOpenApiDocumentNeverAsksForTheScopeWhichComesFromTheToken() throws Exception {
        String doc = mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        org.assertj.core.api.Assertions.assertThat(doc)
                .doesNotContain("OrgScope")
                .doesNotContain("\"name\":\"scope\"")
                .doesNotContain("\"name\":\"roles\"")
                .doesNotContain("\"name\":\"username\",\"in\":\"query\"");
    }
}
