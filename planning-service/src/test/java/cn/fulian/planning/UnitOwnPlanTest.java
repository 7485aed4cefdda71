package cn.fulian.planning;

import static cn.fulian.planning.PlanningApi.assignment;
import static cn.fulian.planning.PlanningApi.countTask;
import static cn.fulian.starter.test.TestTokens.cangshanStaff;
import static cn.fulian.starter.test.TestTokens.cityStaff;
import static cn.fulian.starter.test.TestTokens.gudongStaff;
import static cn.fulian.starter.test.TestTokens.gulouStaff;
import static cn.fulian.starter.test.TestTokens.leader;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.fulian.events.Topics;
import cn.fulian.events.planning.TargetAllocated;
import cn.fulian.events.planning.TaskPublished;
import cn.fulian.starter.test.ServiceTest;
import cn.fulian.starter.test.TestTokens;
import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A district, a township or a community writes its own plan for the year beside the targets from above, and allocates
 * its own tasks to its children the way the city does. Its parent reads the plan but never changes it; a sibling does
 * not see it at all.
 */
@ServiceTest
class UnitOwnPlanTest {

    static final String GULOU = "350100/350102";

    /** Years of this class's own, below the ones {@link PlanningApi#freshYear()} hands out to the other tests. */
    private static final AtomicInteger YEARS = new AtomicInteger(2001);

    @Autowired
    MockMvc mvc;

    @Autowired
    EmbeddedKafkaBroker broker;

    PlanningApi api;

    @BeforeEach
    void api() {
        api = new PlanningApi(mvc);
    }

    @Test
    void gulouWritesPublishesAndAllocatesItsOwnPlanToItsTownshipsWhichAcknowledge() throws Exception {
        int year = freshYear();
        String plan = districtPlan(gulouStaff(), year);
        assertThat(plan).isEqualTo("plan-350102-" + year);
        api.get("/api/planning/plans/" + plan, gulouStaff())
                .andExpect(jsonPath("$.unitPath").value(GULOU))
                .andExpect(jsonPath("$.unitName").value("鼓楼区"))
                .andExpect(jsonPath("$.status").value("DRAFT"));
        api.post("/api/planning/plans/" + plan + "/publish", gulouStaff())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PUBLISHED"));

        String task = countTask(plan);
        String own = assignment(task, "350102");
        api.get("/api/planning/assignments/" + own, gulouStaff())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.target").value(20));
        api.split(
                        own,
                        gulouStaff(),
                        "{\"allocations\":[{\"unitCode\":\"350102001\",\"target\":12},{\"unitCode\":\"350102002\",\"target\":8}]}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.allocatedToChildren").value(20))
                .andExpect(jsonPath("$.shortfall").value(0));
        String gudong = assignment(task, "350102001");
        api.post("/api/planning/assignments/" + gudong + "/acknowledge", gudongStaff())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACKNOWLEDGED"));
        api.get("/api/planning/assignments?year=" + year, gudongStaff())
                .andExpect(r -> assertThat(r.getResponse().getContentAsString()).contains(task));

        List<TopicReader.Published> published = TopicReader.read(
                broker,
                Topics.PLANNING,
                e -> task.equals(e.aggregateId())
                        || (TargetAllocated.TYPE.equals(e.type())
                                && e.payload().toString().contains(task)),
                4);
        assertThat(published)
                .filteredOn(p -> TaskPublished.TYPE.equals(p.envelope().type()))
                .singleElement()
                .satisfies(p -> assertThat(p.envelope().orgPath()).isEqualTo(GULOU));
        assertThat(published)
                .filteredOn(p -> TargetAllocated.TYPE.equals(p.envelope().type()))
                .extracting(p -> p.envelope().orgPath())
                .containsExactlyInAnyOrder(GULOU, GULOU + "/350102001", GULOU + "/350102002");
        assertThat(published)
                .filteredOn(p -> TargetAllocated.TYPE.equals(p.envelope().type())
                        && !GULOU.equals(p.envelope().orgPath()))
                .allSatisfy(p -> assertThat(p.envelope().payload().toString()).contains(own));
    }

    @Test
    void aSiblingNeitherSeesNorListsGulousOwnPlanOrItsAssignments() throws Exception {
        int year = freshYear();
        String plan = districtPlan(gulouStaff(), year);
        api.post("/api/planning/plans/" + plan + "/publish", gulouStaff()).andExpect(status().isOk());
        String own = assignment(countTask(plan), "350102");

        api.get("/api/planning/plans/" + plan, cangshanStaff()).andExpect(status().isNotFound());
        api.post("/api/planning/plans/" + plan + "/close", cangshanStaff()).andExpect(status().isNotFound());
        api.get("/api/planning/assignments/" + own, cangshanStaff()).andExpect(status().isNotFound());
        api.get("/api/planning/tasks/" + countTask(plan) + "/allocation-tree", cangshanStaff())
                .andExpect(status().isNotFound());
        api.get("/api/planning/plans?year=" + year, cangshanStaff())
                .andExpect(r -> assertThat(r.getResponse().getContentAsString()).doesNotContain(plan));
    }

    @Test
    void theCityReadsAndListsGulousPlanButChangingItIsForbidden() throws Exception {
        int year = freshYear();
        String plan = districtPlan(gulouStaff(), year);

        api.get("/api/planning/plans/" + plan, cityStaff())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.unitPath").value(GULOU));
        api.get("/api/planning/plans?year=" + year, cityStaff())
                .andExpect(jsonPath("$.items[*].id", org.hamcrest.Matchers.hasItem(plan)));
        api.get("/api/planning/plans?year=" + year, leader())
                .andExpect(jsonPath("$.items[*].id", org.hamcrest.Matchers.hasItem(plan)));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(
                                "/api/planning/plans/" + plan)
                        .with(cityStaff())
                        .header("If-Match", "\"0\"")
                        .contentType("application/json")
                        .content(planJson(year)))
                .andExpect(status().isForbidden());
        api.post("/api/planning/plans/" + plan + "/publish", cityStaff()).andExpect(status().isForbidden());
        api.post("/api/planning/plans/" + plan + "/publish", leader()).andExpect(status().isForbidden());

        api.post("/api/planning/plans/" + plan + "/publish", gulouStaff()).andExpect(status().isOk());
        api.post(
                        "/api/planning/plans/" + plan + "/tasks/" + countTask(plan) + "/revise",
                        cityStaff(),
                        "{\"target\":30,\"reason\":\"调整\"}")
                .andExpect(status().isForbidden());
        api.post(
                        "/api/planning/plans/" + plan + "/tasks/" + countTask(plan) + "/cancel",
                        cityStaff(),
                        "{\"reason\":\"调整\"}")
                .andExpect(status().isForbidden());
        api.post("/api/planning/plans/" + plan + "/close", cityStaff()).andExpect(status().isForbidden());
        api.post("/api/planning/plans/" + plan + "/tasks/" + countTask(plan) + "/revise", gulouStaff(), """
                        {"target":30,"reason":"区妇联常委会调整"}""")
                .andExpect(status().isOk());
    }

    @Test
    void gulouListsTheCitysPlanItsOwnAndItsTownshipsButNotItsSiblings() throws Exception {
        int year = freshYear();
        String city = districtPlan(cityStaff(), year);
        String gulou = districtPlan(gulouStaff(), year);
        String gudong = districtPlan(gudongStaff(), year);
        String cangshan = districtPlan(cangshanStaff(), year);

        api.get("/api/planning/plans?year=" + year, gulouStaff())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.items[*].id", org.hamcrest.Matchers.containsInAnyOrder(city, gulou, gudong)));
        api.get("/api/planning/plans?year=" + year + "&size=2", gulouStaff())
                .andExpect(jsonPath("$.items.length()").value(2))
                .andExpect(jsonPath("$.total").value(3));
        api.get("/api/planning/plans?year=" + year, gudongStaff())
                .andExpect(jsonPath("$.items[*].id", org.hamcrest.Matchers.containsInAnyOrder(city, gulou, gudong)));
        api.get("/api/planning/plans?year=" + year, cityStaff())
                .andExpect(jsonPath("$.total").value(4))
                .andExpect(jsonPath("$.items[?(@.id == '" + gudong + "')].unitName")
                        .value("鼓东街道"))
                .andExpect(jsonPath("$.items[*].id", org.hamcrest.Matchers.hasItem(cangshan)));

        // the parent reads the township's plan but may not touch it
        api.get("/api/planning/plans/" + gudong, gulouStaff()).andExpect(status().isOk());
        api.post("/api/planning/plans/" + gudong + "/publish", gulouStaff()).andExpect(status().isForbidden());
        api.post("/api/planning/plans/" + gudong + "/publish", gudongStaff()).andExpect(status().isOk());
    }

    @Test
    void aCommunityWritesItsOwnPlanToo() throws Exception {
        RequestPostProcessor qingcheng =
                TestTokens.user("qingcheng-staff", "350100/350102/350102001/350102001001", "township");
        int year = freshYear();
        String plan = districtPlan(qingcheng, year);
        api.post("/api/planning/plans/" + plan + "/publish", qingcheng).andExpect(status().isOk());
        api.get("/api/planning/assignments/" + assignment(countTask(plan), "350102001001"), qingcheng)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACKNOWLEDGED"));
        api.get("/api/planning/plans/" + plan, gudongStaff()).andExpect(status().isOk());
    }

    @Test
    void leadersAndAdminsCannotWriteAPlan() throws Exception {
        int year = freshYear();
        api.post("/api/planning/plans", leader(), planJson(year)).andExpect(status().isForbidden());
        api.post("/api/planning/plans", TestTokens.admin(), planJson(year)).andExpect(status().isForbidden());
        api.post("/api/planning/plans", TestTokens.user("gulou-leader", GULOU, "leader"), planJson(year))
                .andExpect(status().isForbidden());
    }

    @Test
    void aUnitWritesOnePlanAYearWhateverTheBodySays() throws Exception {
        int year = freshYear();
        districtPlan(gulouStaff(), year);
        api.post("/api/planning/plans", gulouStaff(), planJson(year)).andExpect(status().isConflict());
        // a unit named in the body is not the plan's unit: the token's unit is
        String other = JsonPath.read(
                api.post(
                                "/api/planning/plans",
                                gudongStaff(),
                                planJson(year).replace("{\"year\"", "{\"unitPath\":\"350100/350104\",\"year\""))
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.unitPath");
        assertThat(other).isEqualTo("350100/350102/350102001");
    }

    private static int freshYear() {
        return YEARS.getAndIncrement();
    }

    private String districtPlan(RequestPostProcessor staff, int year) throws Exception {
        return JsonPath.read(
                api.post("/api/planning/plans", staff, planJson(year))
                        .andExpect(r -> assertThat(r.getResponse().getStatus())
                                .as(r.getResponse().getContentAsString())
                                .isEqualTo(201))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
    }

    /** A district's 两规划 tasks as the district writes them (shared/domain/district-and-township-plans.txt). */
    static String planJson(int year) {
        return """
                {"year":%d,"title":"%d年鼓楼区妇联工作计划","overallRequirements":"推动《两规划》实施纳入全区经济社会发展总体规划",
                 "workAreas":["强化项目运作","强化宣传作用"],
                 "tasks":[
                  {"workArea":"强化项目运作","title":"规范建设社区妇女儿童之家20个","leadDepartment":"区妇儿工委办","dueDate":"%d-11-30",
                   "indicator":{"name":"建成妇女儿童之家","unit":"个","kind":"COUNT","direction":"AT_LEAST","target":20}},
                  {"workArea":"强化宣传作用","title":"举办统计监测业务培训班2期","dueDate":"%d-06-30",
                   "indicator":{"name":"统计监测培训班","unit":"期","kind":"COUNT","direction":"AT_LEAST","target":2}}]}""".formatted(year, year, year, year);
    }
}
