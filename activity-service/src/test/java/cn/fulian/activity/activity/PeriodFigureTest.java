package cn.fulian.activity.activity;

import static cn.fulian.activity.support.Api.BASE;
import static cn.fulian.activity.support.Api.addLink;
import static cn.fulian.activity.support.Api.json;
import static cn.fulian.activity.support.Api.training;
import static cn.fulian.starter.test.TestTokens.cangshanStaff;
import static cn.fulian.starter.test.TestTokens.gudongStaff;
import static cn.fulian.starter.test.TestTokens.gulouStaff;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.fulian.activity.assignment.AssignmentDirectory;
import cn.fulian.activity.support.Api;
import cn.fulian.activity.support.Planning;
import cn.fulian.events.EventCodec;
import cn.fulian.starter.test.ServiceTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/** The figure a progress report is pre-filled with counts only the activities up to the period's last day. */
@ServiceTest
class PeriodFigureTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    EventCodec codec;

    @Autowired
    AssignmentDirectory assignments;

    String gulouAssignment;
    String gudongAssignment;

    @BeforeEach
    void plan() {
        Planning planning = new Planning(broker, codec, assignments);
        String task = planning.task(2026, "培训妇女-" + UUID.randomUUID(), "培训妇女", "人", "COUNT");
        gulouAssignment = planning.allocate(task, 2026, Planning.GULOU);
        gudongAssignment = planning.allocate(task, 2026, Planning.GUDONG);
        planning.await(gulouAssignment, gudongAssignment);
    }

    @Test
    void aSecondQuarterFigureLeavesOutANovemberActivityAndCountsTheTownshipsForTheDistrict() throws Exception {
        Map<String, Object> april = training("四月培训-" + UUID.randomUUID(), 50, 40);
        addLink(april, gudongAssignment, "womenParticipants");
        Api.record(mvc, gudongStaff(), april);
        Map<String, Object> november = training("十一月培训-" + UUID.randomUUID(), 90, 70);
        november.put("startDate", "2026-11-05");
        november.put("endDate", "2026-11-05");
        addLink(november, gudongAssignment, "womenParticipants");
        Api.record(mvc, gudongStaff(), november);

        JsonNode q2 = figure(gudongAssignment, "2026-06-30", gudongStaff());
        assertThat(q2.get("value").decimalValue()).isEqualByComparingTo("40");
        assertThat(q2.get("activities").asInt()).isEqualTo(1);
        assertThat(q2.get("from").asString()).isEqualTo("2026-01-01");

        assertThat(figure(gudongAssignment, "2026-12-31", gudongStaff())
                        .get("value")
                        .decimalValue())
                .isEqualByComparingTo("110");
        assertThat(figure(gulouAssignment, "2026-06-30", gulouStaff())
                        .get("value")
                        .decimalValue())
                .isEqualByComparingTo("40");
        assertThat(figure(gudongAssignment, "2026-03-31", gudongStaff())
                        .get("value")
                        .decimalValue())
                .isEqualByComparingTo("0");
    }

    @Test
    void anotherDistrictsAssignmentIsNotFoundAndAMissingDayIsNamed() throws Exception {
        mvc.perform(get(BASE + "/figure")
                        .param("assignmentId", gudongAssignment)
                        .param("to", "2026-06-30")
                        .with(cangshanStaff()))
                .andExpect(status().isNotFound());
        JsonNode problem = json(mvc.perform(get(BASE + "/figure")
                        .param("assignmentId", gudongAssignment)
                        .param("to", "2026-13-45")
                        .with(gudongStaff()))
                .andExpect(status().isBadRequest())
                .andReturn());
        assertThat(problem.toString()).contains("to");
    }

    private JsonNode figure(
            String assignmentId, String to, org.springframework.test.web.servlet.request.RequestPostProcessor who)
            throws Exception {
        return json(mvc.perform(get(BASE + "/figure")
                        .param("assignmentId", assignmentId)
                        .param("to", to)
                        .with(who))
                .andExpect(status().isOk())
                .andReturn());
    }
}
