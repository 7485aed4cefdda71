package cn.fulian.planning;

import static cn.fulian.planning.PlanningApi.assignment;
import static cn.fulian.planning.PlanningApi.countTask;
import static cn.fulian.starter.test.TestTokens.cangshanStaff;
import static cn.fulian.starter.test.TestTokens.cityStaff;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.fulian.starter.test.ServiceTest;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** Bad input and concurrent edits: a clear answer naming the field, and nothing stored or lost. */
@ServiceTest
class PlanningBadInputTest {

    @Autowired
    MockMvc mvc;

    PlanningApi api;

    @BeforeEach
    void api() {
        api = new PlanningApi(mvc);
    }

    @Test
    void aNegativeTargetIsRefusedNamingTheField() throws Exception {
        int year = PlanningApi.freshYear();
        api.post(
                        "/api/planning/plans",
                        cityStaff(),
                        PlanningApi.planJson(year).replace("\"target\":100", "\"target\":-5"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("tasks[0].indicator.target"))
                .andExpect(jsonPath("$.errors[0].message").value("不能小于0"));
        api.get("/api/planning/plans?year=" + year, cityStaff())
                .andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void aDueDateOutsideThePlanYearIsRefused() throws Exception {
        int year = PlanningApi.freshYear();
        api.post(
                        "/api/planning/plans",
                        cityStaff(),
                        PlanningApi.planJson(year).replace(year + "-10-31", (year + 1) + "-01-15"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("tasks[0].dueDate"))
                .andExpect(jsonPath("$.errors[0].message").value("完成时限须在" + year + "年内"));
    }

    @Test
    void anUnknownIndicatorKindIsRefusedNamingTheField() throws Exception {
        api.post(
                        "/api/planning/plans",
                        cityStaff(),
                        PlanningApi.planJson(PlanningApi.freshYear()).replace("\"COUNT\"", "\"HEADCOUNT\""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("tasks[0].indicator.kind"));
    }

    @Test
    void aRateAbove100OrWithoutNumeratorIsRefused() throws Exception {
        api.post(
                        "/api/planning/plans",
                        cityStaff(),
                        PlanningApi.planJson(PlanningApi.freshYear()).replace("\"target\":98", "\"target\":120"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("tasks[1].indicator.target"));
        api.post(
                        "/api/planning/plans",
                        cityStaff(),
                        PlanningApi.planJson(PlanningApi.freshYear()).replace("\"numeratorName\":\"办结件数\",", ""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("tasks[1].indicator.numeratorName"));
    }

    @Test
    void aShortfallIsRefusedWithTheNumbersAndNothingIsAllocated() throws Exception {
        String plan = api.publishedPlan(cityStaff(), PlanningApi.freshYear());
        String root = assignment(countTask(plan), "350100");

        api.split(
                        root,
                        cityStaff(),
                        "{\"allocations\":[{\"unitCode\":\"350102\",\"target\":50},{\"unitCode\":\"350104\",\"target\":45}]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("allocations"))
                .andExpect(jsonPath("$.errors[0].message").value("分解合计95个，低于下达目标100个，还差5个；如本级承担其余部分，请填写本级保留"));

        api.get("/api/planning/assignments/" + root, cityStaff())
                .andExpect(jsonPath("$.allocations.length()").value(0));
        api.get("/api/planning/assignments/" + assignment(countTask(plan), "350102"), cityStaff())
                .andExpect(status().isNotFound());
    }

    @Test
    void allocatingPastTheDirectChildrenIs400AndToAnotherDistrictsUnit404() throws Exception {
        String plan = api.publishedPlan(cityStaff(), PlanningApi.freshYear());
        String root = assignment(countTask(plan), "350100");

        api.split(root, cityStaff(), "{\"allocations\":[{\"unitCode\":\"350102001\",\"target\":100}]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("allocations[0].unitCode"))
                .andExpect(jsonPath("$.errors[0].message").value("只能分解到直属下级单位,请由其上级单位继续分解"));
        api.get("/api/planning/assignments/" + root, cityStaff())
                .andExpect(jsonPath("$.allocations.length()").value(0));
        api.split(
                        root,
                        cityStaff(),
                        "{\"allocations\":[{\"unitCode\":\"350102\",\"target\":60},{\"unitCode\":\"350104\",\"target\":40}]}")
                .andExpect(status().isOk());
        String cangshan = assignment(countTask(plan), "350104");
        api.post("/api/planning/assignments/" + cangshan + "/acknowledge", cangshanStaff());
        api.split(cangshan, cangshanStaff(), "{\"allocations\":[{\"unitCode\":\"350102001\",\"target\":40}]}")
                .andExpect(status().isNotFound());
    }

    @Test
    void anIndicatorSourceThatCannotMeasureItIsRefusedNamingTheField() throws Exception {
        int year = PlanningApi.freshYear();
        String json = PlanningApi.planJson(year)
                .replace(
                        "\"target\":100}",
                        "\"target\":100,\"source\":{\"kind\":\"RIGHTS\",\"rightsKpi\":\"CLOSURE_RATE\"}}");
        api.post("/api/planning/plans", cityStaff(), json)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("tasks[0].indicator.source.rightsKpi"));
        api.get("/api/planning/plans?year=" + year, cityStaff())
                .andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void editingAPublishedPlanIsAConflict() throws Exception {
        int year = PlanningApi.freshYear();
        String plan = api.publishedPlan(cityStaff(), year);

        mvc.perform(MockMvcRequestBuilders.put("/api/planning/plans/" + plan)
                        .with(cityStaff())
                        .header("If-Match", "\"1\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(PlanningApi.planJson(year)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("已发布")));
    }

    @Test
    void aDraftIsEditedWithItsETagAsIfMatch428WithoutIt412WhenStaleAndTheFirstEditIsKept() throws Exception {
        int year = PlanningApi.freshYear();
        String created = api.post("/api/planning/plans", cityStaff(), PlanningApi.planJson(year))
                .andExpect(status().isCreated())
                .andExpect(header().string("ETag", "\"0\""))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String id = JsonPath.read(created, "$.id");
        api.get("/api/planning/plans/" + id, cityStaff()).andExpect(header().string("ETag", "\"0\""));
        String base = PlanningApi.planJson(year);

        mvc.perform(MockMvcRequestBuilders.put("/api/planning/plans/" + id)
                        .with(cityStaff())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(base.replace("工作要点\"", "工作要点(无版本)\"")))
                .andExpect(status().isPreconditionRequired())
                .andExpect(jsonPath("$.type").value("urn:fulian:problem:precondition-required"));
        mvc.perform(MockMvcRequestBuilders.put("/api/planning/plans/" + id)
                        .with(cityStaff())
                        .header("If-Match", "\"0\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(base.replace("工作要点\"", "工作要点(第一稿)\"")))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.version").value(1));
        mvc.perform(MockMvcRequestBuilders.put("/api/planning/plans/" + id)
                        .with(cityStaff())
                        .header("If-Match", "\"0\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(base.replace("工作要点\"", "工作要点(第二稿)\"")))
                .andExpect(status().isPreconditionFailed())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.type").value("urn:fulian:problem:precondition-failed"))
                .andExpect(jsonPath("$.detailZh").value("该记录已被他人修改，请刷新后重试"));

        api.get("/api/planning/plans/" + id, cityStaff())
                .andExpect(jsonPath("$.title").value(year + "年福州市妇联工作要点(第一稿)"));
    }

    @Test
    void aPlanImportedFromYamlBecomesADraftAndABrokenFileSaysWhere() throws Exception {
        int year = PlanningApi.freshYear();
        String yaml = """
                year: %d
                title: %d年鼓楼妇联工作要点
                workAreas: [家庭家教家风]
                tasks:
                  - workArea: 家庭家教家风
                    title: 举办家庭教育公益讲座20场
                    dueDate: "%d-11-30"
                    indicator: { name: 家庭教育讲座, unit: 场, kind: COUNT, target: 20 }
                """.formatted(year, year, year);
        mvc.perform(MockMvcRequestBuilders.post("/api/planning/plans/import")
                        .with(cityStaff())
                        .contentType("application/yaml")
                        .content(yaml))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.tasks[0].indicator.target").value(20));

        mvc.perform(MockMvcRequestBuilders.post("/api/planning/plans/import")
                        .with(cityStaff())
                        .contentType("application/yaml")
                        .content(yaml.replace("year: " + year, "year: " + (year + 50))
                                .replace("title:", "title: ''\nx:")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").exists());
    }

    @Test
    void aDuplicatePlanForTheSameYearIsAConflict() throws Exception {
        int year = PlanningApi.freshYear();
        api.post("/api/planning/plans", cityStaff(), PlanningApi.planJson(year)).andExpect(status().isCreated());
        api.post("/api/planning/plans", cityStaff(), PlanningApi.planJson(year)).andExpect(status().isConflict());
    }
}
