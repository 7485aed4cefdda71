package cn.fulian.planning;

import static cn.fulian.planning.PlanningApi.assignment;
import static cn.fulian.planning.PlanningApi.countTask;
import static cn.fulian.starter.test.TestTokens.cangshanStaff;
import static cn.fulian.starter.test.TestTokens.cityStaff;
import static cn.fulian.starter.test.TestTokens.gudongStaff;
import static cn.fulian.starter.test.TestTokens.gulouStaff;
import static cn.fulian.starter.test.TestTokens.leader;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.fulian.starter.test.ServiceTest;
import cn.fulian.starter.test.TestTokens;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Every planning endpoint against users of the owning unit, its parent, a sibling and a child: exactly the allowed
 * answer each time. 鼓楼区 holds the assignment under test; 仓山区 is its sibling, 鼓东街道 its child, the city its parent.
 */
@ServiceTest
class PlanningSecurityMatrixTest {

    @Autowired
    MockMvc mvc;

    PlanningApi api;
    String plan;
    String task;
    String root;
    String gulou;
    String gudong;

    @BeforeEach
    void aPlanAllocatedTwoLevelsDown() throws Exception {
        api = new PlanningApi(mvc);
        plan = api.publishedPlan(cityStaff(), PlanningApi.freshYear());
        task = countTask(plan);
        root = assignment(task, "350100");
        gulou = assignment(task, "350102");
        gudong = assignment(task, "350102001");
        api.split(
                        root,
                        cityStaff(),
                        "{\"allocations\":[{\"unitCode\":\"350102\",\"target\":60},{\"unitCode\":\"350104\",\"target\":40}]}")
                .andExpect(status().isOk());
        api.post("/api/planning/assignments/" + gulou + "/acknowledge", gulouStaff())
                .andExpect(status().isOk());
        api.split(gulou, gulouStaff(), "{\"allocations\":[{\"unitCode\":\"350102001\",\"target\":60}]}")
                .andExpect(status().isOk());
    }

    @Test
    void readsAnswerOnlyAtOrBelowTheCallersUnit() throws Exception {
        Map<String, RequestPostProcessor> users = users();
        expect(
                "GET gulou assignment",
                users,
                Map.of("city", 200, "gulou", 200, "cangshan", 404, "gudong", 404, "leader", 200),
                u -> api.get("/api/planning/assignments/" + gulou, u));
        expect(
                "GET gudong assignment",
                users,
                Map.of("city", 200, "gulou", 200, "cangshan", 404, "gudong", 200, "leader", 200),
                u -> api.get("/api/planning/assignments/" + gudong, u));
        expect(
                "GET root children",
                users,
                Map.of("city", 200, "gulou", 404, "cangshan", 404, "gudong", 404, "leader", 200),
                u -> api.get("/api/planning/assignments/" + root + "/children", u));
        expect(
                "GET plan",
                users,
                Map.of("city", 200, "gulou", 200, "cangshan", 200, "gudong", 200, "leader", 200),
                u -> api.get("/api/planning/plans/" + plan, u));
        expect(
                "GET org unit 鼓楼区",
                users,
                Map.of("city", 200, "gulou", 200, "cangshan", 404, "gudong", 404, "leader", 200),
                u -> api.get("/api/planning/org-units/350102", u));
    }

    @Test
    void writesAnswerOnlyToTheUnitTheFeatureAllows() throws Exception {
        Map<String, RequestPostProcessor> users = users();
        expect(
                "allocate gulou",
                users,
                Map.of("city", 403, "cangshan", 404, "gudong", 404, "leader", 403, "gulou", 200),
                u -> api.split(gulou, u, "{\"allocations\":[{\"unitCode\":\"350102001\",\"target\":60}]}"));
        expect(
                "acknowledge gudong",
                users,
                Map.of("city", 403, "gulou", 403, "cangshan", 404, "leader", 403, "gudong", 200),
                u -> api.post("/api/planning/assignments/" + gudong + "/acknowledge", u));
        expect(
                "remind gulou",
                users,
                Map.of("gulou", 403, "cangshan", 404, "gudong", 404, "leader", 403, "city", 409),
                u -> api.post("/api/planning/assignments/" + gulou + "/remind", u));
        expect(
                "publish plan",
                users,
                Map.of("gulou", 403, "cangshan", 403, "gudong", 403, "leader", 403, "city", 409),
                u -> api.post("/api/planning/plans/" + plan + "/publish", u));
        // every unit's staff write their own unit's plan (a fresh year each call); leaders only read
        expect(
                "create plan",
                users,
                Map.of("gulou", 201, "cangshan", 201, "gudong", 201, "leader", 403),
                u -> api.post("/api/planning/plans", u, PlanningApi.planJson(PlanningApi.freshYear())));
        expect(
                "add org unit",
                users,
                Map.of("city", 403, "gulou", 403, "cangshan", 403, "gudong", 403, "leader", 403),
                u -> api.post(
                        "/api/planning/org-units",
                        u,
                        "{\"parentCode\":\"350102\",\"code\":\"350102901\",\"name\":\"测试街道\",\"type\":\"SUBDISTRICT\"}"));
    }

    @Test
    void cangshanCanNeverSeeOrChangeGulousAssignments() throws Exception {
        api.get("/api/planning/tasks/" + task + "/allocation-tree", cangshanStaff())
                .andExpect(status().isOk())
                .andExpect(r -> assertThat(r.getResponse().getContentAsString())
                        .contains("350100/350104")
                        .doesNotContain("350100/350102"));
        api.get("/api/planning/tasks/" + task + "/allocation-tree", gulouStaff())
                .andExpect(r -> assertThat(r.getResponse().getContentAsString())
                        .contains("350100/350102/350102001")
                        .doesNotContain("350100/350104"));
        api.post(
                        "/api/planning/assignments/" + gulou + "/extension",
                        cangshanStaff(),
                        "{\"requestedDueDate\":\"2099-01-01\",\"reason\":\"x\"}")
                .andExpect(status().isNotFound());
        api.post("/api/planning/assignments/" + gudong + "/extension/decision", cangshanStaff(), "{\"approve\":true}")
                .andExpect(status().isNotFound());
        api.get("/api/planning/assignments", cangshanStaff())
                .andExpect(r -> assertThat(r.getResponse().getContentAsString()).doesNotContain("350100/350102"));
    }

    @Test
    void adminsMaintainTheTreeAndARetiredUnitTakesNoNewWork() throws Exception {
        api.post(
                        "/api/planning/org-units",
                        TestTokens.admin(),
                        "{\"parentCode\":\"350104\",\"code\":\"350104901\",\"name\":\"测试街道\",\"type\":\"SUBDISTRICT\"}")
                .andExpect(status().isCreated());
        api.post("/api/planning/org-units/350104901/retire", TestTokens.admin()).andExpect(status().isOk());
        api.get("/api/planning/org-units/350104901", TestTokens.admin())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.retired")
                        .value(true));
        api.post(
                        "/api/planning/org-units",
                        TestTokens.admin(),
                        "{\"parentCode\":\"350104\",\"code\":\"350104901\",\"name\":\"重复\",\"type\":\"SUBDISTRICT\"}")
                .andExpect(status().isConflict());
    }

    private Map<String, RequestPostProcessor> users() {
        Map<String, RequestPostProcessor> users = new LinkedHashMap<>();
        users.put("city", cityStaff());
        users.put("gulou", gulouStaff());
        users.put("cangshan", cangshanStaff());
        users.put("gudong", gudongStaff());
        users.put("leader", leader());
        return users;
    }

    interface Call {
        org.springframework.test.web.servlet.ResultActions on(RequestPostProcessor user) throws Exception;
    }

    private void expect(String what, Map<String, RequestPostProcessor> users, Map<String, Integer> expected, Call call)
            throws Exception {
        List<String> wrong = new ArrayList<>();
        for (var e : expected.entrySet()) {
            int actual =
                    call.on(users.get(e.getKey())).andReturn().getResponse().getStatus();
            if (actual != e.getValue()) {
                wrong.add(e.getKey() + " got " + actual + " instead of " + e.getValue());
            }
        }
        assertThat(wrong).as(what).isEmpty();
    }
}
