package cn.fulian.starter.sample;

import static cn.fulian.starter.test.TestTokens.admin;
import static cn.fulian.starter.test.TestTokens.cangshanStaff;
import static cn.fulian.starter.test.TestTokens.cityStaff;
import static cn.fulian.starter.test.TestTokens.gudongStaff;
import static cn.fulian.starter.test.TestTokens.gulouStaff;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.fulian.starter.test.ServiceTest;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@ServiceTest
class ProblemDetailsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    SampleActivityRepository repository;

    private String created(org.springframework.test.web.servlet.request.RequestPostProcessor user) throws Exception {
        String body = mvc.perform(post("/api/sample/activities")
                        .with(user)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"家庭教育讲座\",\"participants\":80,\"day\":\"2026-04-01\"}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(body, "$.id");
    }

    @Test
    void meAnswersTheCallersUnitLevelAndRolesFromTheToken() throws Exception {
        mvc.perform(get("/api/sample/me").with(gudongStaff()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.unitPath").value("350100/350102/350102001"))
                .andExpect(jsonPath("$.unitCode").value("350102001"))
                .andExpect(jsonPath("$.level").value("TOWNSHIP"))
                .andExpect(jsonPath("$.username").value("gudong-staff"))
                .andExpect(jsonPath("$.roles[0]").value("township"));
    }

    @Test
    void aWholeNumberIsWrittenAsOneWhateverItWasComputedAs() throws Exception {
        String body = mvc.perform(get("/api/sample/figures").with(gulouStaff()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(body)
                .contains("\"participants\":13170,")
                .contains("\"rate\":98.5")
                .contains("\"count\":72");
    }

    @Test
    void withoutATokenTheAnswerIs401AsProblemDetails() throws Exception {
        mvc.perform(get("/api/sample/me"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().exists("WWW-Authenticate"))
                .andExpect(jsonPath("$.status").value(401));
    }

    @Test
    void invalidFieldsAre400NamingEachFieldInChineseAndEnglish() throws Exception {
        long before = repository.count();
        mvc.perform(post("/api/sample/activities")
                        .with(gulouStaff())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"\",\"participants\":-3}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[?(@.field=='title')].message").value("不能为空"))
                .andExpect(
                        jsonPath("$.errors[?(@.field=='participants')].message").value("不能为负数"))
                .andExpect(jsonPath("$.errors[?(@.field=='participants')].messageEn")
                        .value("must not be negative"))
                .andExpect(jsonPath("$.errors[?(@.field=='day')].message").value("不能为空"))
                .andExpect(jsonPath("$.title").value("请求参数有误 / Invalid request"))
                .andExpect(jsonPath("$.type").value("urn:fulian:problem:validation"))
                .andExpect(jsonPath("$.titleZh").value("请求参数有误"))
                .andExpect(jsonPath("$.titleEn").value("Invalid request"))
                .andExpect(jsonPath("$.detailZh").value(org.hamcrest.Matchers.containsString("participants: 不能为负数")))
                .andExpect(jsonPath("$.detailEn")
                        .value(org.hamcrest.Matchers.containsString("participants: must not be negative")));
        assertThat(repository.count()).isEqualTo(before);
    }

    @Test
    void aDomainRuleNamesItsFieldToo() throws Exception {
        mvc.perform(post("/api/sample/activities")
                        .with(gulouStaff())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"讲座\",\"participants\":3,\"day\":\"2025-12-31\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("day"))
                .andExpect(jsonPath("$.errors[0].message").value("日期须在2026年内"));
    }

    @Test
    void wrongTypesAndBrokenJsonAre400WithoutAStackTrace() throws Exception {
        mvc.perform(post("/api/sample/activities")
                        .with(gulouStaff())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"讲座\",\"participants\":\"many\",\"day\":\"2026-04-01\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("participants"));
        mvc.perform(post("/api/sample/activities")
                        .with(gulouStaff())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"讲座\",\"day\":\"2026-13-45\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("day"));
        mvc.perform(post("/api/sample/activities")
                        .with(gulouStaff())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\": [[[["))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(not(containsString("at cn."))))
                .andExpect(content().string(not(containsString("Exception"))));
    }

    @Test
    void anotherDistrictsActivityIsNotFoundAndTheCityAboveSeesIt() throws Exception {
        String id = created(gulouStaff());

        mvc.perform(get("/api/sample/activities/" + id).with(cangshanStaff()))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.type").value("urn:fulian:problem:not-found"))
                .andExpect(jsonPath("$.titleZh").value("未找到"))
                .andExpect(jsonPath("$.detailEn").value(org.hamcrest.Matchers.startsWith("not found, or not yours")));
        mvc.perform(get("/api/sample/activities/" + id).with(gudongStaff())).andExpect(status().isNotFound());
        mvc.perform(get("/api/sample/activities/" + id).with(cityStaff()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.unitPath").value("350100/350102"));
    }

    @Test
    void aVisibleObjectTheCallerMayNotChangeIs403() throws Exception {
        String id = created(gulouStaff());

        mvc.perform(put("/api/sample/activities/" + id)
                        .with(cityStaff())
                        .header("If-Match", "\"0\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"participants\":10}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/sample/admin-only").with(gulouStaff()))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("urn:fulian:problem:forbidden"))
                .andExpect(jsonPath("$.titleZh").value("无权操作"))
                .andExpect(jsonPath("$.titleEn").value("Forbidden"));
        mvc.perform(post("/api/sample/admin-only").with(admin())).andExpect(status().isOk());
    }

    @Test
    void aReadAndAChangeAnswerTheVersionAsAStrongETag() throws Exception {
        String id = created(gulouStaff());

        mvc.perform(get("/api/sample/activities/" + id).with(gulouStaff()))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"0\""));
        mvc.perform(put("/api/sample/activities/" + id)
                        .with(gulouStaff())
                        .header("If-Match", "\"0\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"participants\":90}"))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.version").value(1));
    }

    @Test
    void aChangeWithoutIfMatchIs428AndChangesNothing() throws Exception {
        String id = created(gulouStaff());

        mvc.perform(put("/api/sample/activities/" + id)
                        .with(gulouStaff())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"participants\":90}"))
                .andExpect(status().isPreconditionRequired())
                .andExpect(jsonPath("$.type").value("urn:fulian:problem:precondition-required"))
                .andExpect(jsonPath("$.titleZh").value("缺少 If-Match 版本号"))
                .andExpect(jsonPath("$.titleEn").value("If-Match required"));

        assertThat(repository.findById(id).orElseThrow().participants()).isEqualTo(80);
    }

    @Test
    void aMalformedIfMatchIs400NamingTheHeader() throws Exception {
        String id = created(gulouStaff());

        for (String bad : new String[] {"0", "W/\"0\"", "*", "\"zero\""}) {
            mvc.perform(put("/api/sample/activities/" + id)
                            .with(gulouStaff())
                            .header("If-Match", bad)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"participants\":90}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.fields").value("If-Match"));
        }
    }

    @Test
    void twoEditsOfTheSameVersionAnswer412ToTheSecondAndTheFirstIsKept() throws Exception {
        String id = created(gulouStaff());
        String amend = "{\"participants\":%d}";

        mvc.perform(put("/api/sample/activities/" + id)
                        .with(gulouStaff())
                        .header("If-Match", "\"0\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(amend.formatted(90)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(1));
        mvc.perform(put("/api/sample/activities/" + id)
                        .with(gulouStaff())
                        .header("If-Match", "\"0\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(amend.formatted(70)))
                .andExpect(status().isPreconditionFailed())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.type").value("urn:fulian:problem:precondition-failed"))
                .andExpect(jsonPath("$.detailZh").value("该记录已被他人修改，请刷新后重试"))
                .andExpect(jsonPath("$.titleEn")
                        .value(org.hamcrest.Matchers.not(org.hamcrest.Matchers.matchesPattern(".*\\p{IsHan}.*"))));

        assertThat(repository.findById(id).orElseThrow().participants()).isEqualTo(90);
    }

    @Test
    void concurrentSavesOfAStaleCopyAre409FromOptimisticLocking() throws Exception {
        String id = created(gulouStaff());
        SampleActivity first = repository.findById(id).orElseThrow();
        SampleActivity second = repository.findById(id).orElseThrow();
        first.amend(100, "first");
        repository.save(first);
        second.amend(50, "second");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> repository.save(second))
                .isInstanceOf(org.springframework.dao.OptimisticLockingFailureException.class);
        assertThat(repository.findById(id).orElseThrow().participants()).isEqualTo(100);
    }

    @Test
    void anOversizedBodyIs413BeforeAnythingIsRead() throws Exception {
        String huge = "{\"title\":\"" + "长".repeat(70_000) + "\",\"participants\":1,\"day\":\"2026-04-01\"}";
        mvc.perform(post("/api/sample/activities")
                        .with(gulouStaff())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(huge))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.status").value(413));
    }

    @Test
    void theCorrelationIdFromTheGatewayComesBackAndAForgedOneIsReplaced() throws Exception {
        mvc.perform(get("/api/sample/me").with(gulouStaff()).header("X-Correlation-Id", "abc12345-0000"))
                .andExpect(header().string("X-Correlation-Id", "abc12345-0000"));
        mvc.perform(get("/api/sample/me").with(gulouStaff()).header("X-Correlation-Id", "x\nforged log line"))
                .andExpect(header().string("X-Correlation-Id", not(containsString("forged"))));
    }

    @Test
    void healthIsUpWithTheMongoWireServer() throws Exception {
        mvc.perform(get("/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
    }
}
