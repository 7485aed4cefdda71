package cn.fulian.planning;

import static cn.fulian.planning.PlanningApi.assignment;
import static cn.fulian.planning.PlanningApi.countTask;
import static cn.fulian.starter.test.TestTokens.cityStaff;
import static cn.fulian.starter.test.TestTokens.gulouStaff;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.fulian.starter.test.RealServersTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** The year's start against a real MongoDB replica set and Kafka (only where Docker runs). */
@TestPropertySource(properties = "fulian.federation.demo=false")
class PlanningRealServersTest extends RealServersTest {

    @Autowired
    MockMvc mvc;

    @Test
    void publishAllocateAndAcknowledgeAgainstRealServers() throws Exception {
        PlanningApi api = new PlanningApi(mvc);
        String plan = api.publishedPlan(cityStaff(), PlanningApi.freshYear());
        String task = countTask(plan);

        api.split(
                        assignment(task, "350100"),
                        cityStaff(),
                        "{\"allocations\":[{\"unitCode\":\"350102\",\"target\":60},{\"unitCode\":\"350104\",\"target\":40}]}")
                .andExpect(status().isOk());
        api.post("/api/planning/assignments/" + assignment(task, "350102") + "/acknowledge", gulouStaff())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACKNOWLEDGED"))
                .andExpect(jsonPath("$.target").value(60));
    }
}
