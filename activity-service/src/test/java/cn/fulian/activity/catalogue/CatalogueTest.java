package cn.fulian.activity.catalogue;

import static cn.fulian.activity.support.Api.BASE;
import static cn.fulian.activity.support.Api.body;
import static cn.fulian.activity.support.Api.json;
import static cn.fulian.starter.test.TestTokens.admin;
import static cn.fulian.starter.test.TestTokens.gudongStaff;
import static cn.fulian.starter.test.TestTokens.gulouStaff;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.fulian.activity.support.Api;
import cn.fulian.starter.test.ServiceTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

@ServiceTest
class CatalogueTest {

    @Autowired
    MockMvc mvc;

    @Test
    void theSeededCatalogueHasTheFederationsActivityTypesWithTheirMetrics() throws Exception {
        JsonNode catalogue = catalogue();
        Map<String, JsonNode> types = new LinkedHashMap<>();
        catalogue.get("types").forEach(t -> types.put(t.get("code").asString(), t));
        assertThat(types.keySet())
                .contains(
                        "TRAINING",
                        "LECTURE",
                        "JOB_FAIR",
                        "LOAN",
                        "RELIEF",
                        "HEALTH_SCREENING",
                        "COMMENDATION",
                        "VOLUNTEER",
                        "PUBLICITY",
                        "FAMILY_BUILDING",
                        "VENUE_BUILDING");
        assertThat(types.get("TRAINING").get("name").asString()).isEqualTo("培训班");
        assertThat(types.get("TRAINING").get("metrics").findValuesAsString("code"))
                .containsExactly("sessions", "participants", "womenParticipants");
        assertThat(types.get("JOB_FAIR").get("metrics").findValuesAsString("code"))
                .contains("jobsPlaced");
        JsonNode loan = null;
        for (JsonNode m : catalogue.get("metrics")) {
            if (m.get("code").asString().equals("loanAmount")) {
                loan = m;
            }
        }
        assertThat(loan.get("unit").asString()).isEqualTo("万元");
        assertThat(loan.get("integer").asBoolean()).isFalse();
    }

    @Test
    void anAdminAddsAMetricAndATypeThatStaffCanRecordAtOnce() throws Exception {
        String code = "TREES_" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        mvc.perform(put(BASE + "/catalogue/metrics/treesPlanted")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body(Map.of("label", "植树", "unit", "株", "quantity", "VENUES", "integer", true))))
                .andExpect(status().isOk());
        JsonNode type = json(mvc.perform(put(BASE + "/catalogue/types/" + code)
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body(Map.of(
                                "name",
                                "营建巾帼林",
                                "metrics",
                                List.of(
                                        Map.of("code", "treesPlanted", "required", true),
                                        Map.of("code", "participants", "required", false))))))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(type.get("metrics").get(0).get("label").asString()).isEqualTo("植树");

        Map<String, Object> activity = Api.training("巾帼林植树-" + code, 0, 0);
        activity.put("type", code);
        activity.put("metrics", Map.of("treesPlanted", 10000, "participants", 300));
        JsonNode recorded = Api.record(mvc, gudongStaff(), activity);
        assertThat(recorded.get("typeName").asString()).isEqualTo("营建巾帼林");
        assertThat(recorded.get("metrics").get("treesPlanted").asInt()).isEqualTo(10000);
    }

    @Test
    void onlyAdminsChangeTheCatalogue() throws Exception {
        mvc.perform(put(BASE + "/catalogue/types/TRAINING")
                        .with(gulouStaff())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body(Map.of("name", "改名", "metrics", List.of(Map.of("code", "sessions"))))))
                .andExpect(status().isForbidden());
        assertThat(typeName("TRAINING")).isEqualTo("培训班");
    }

    @Test
    void aTypeKeepsTheMetricsItHasAndNamesOnlyKnownOnes() throws Exception {
        JsonNode conflict = json(mvc.perform(put(BASE + "/catalogue/types/TRAINING")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body(Map.of("name", "培训班", "metrics", List.of(Map.of("code", "sessions"))))))
                .andExpect(status().isConflict())
                .andReturn());
        assertThat(conflict.get("detail").asString()).contains("participants");

        JsonNode invalid = json(mvc.perform(put(BASE + "/catalogue/types/NEW_TYPE")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body(Map.of("name", "新类型", "metrics", List.of(Map.of("code", "happiness"))))))
                .andExpect(status().isBadRequest())
                .andReturn());
        assertThat(invalid.get("errors").get(0).get("field").asString()).isEqualTo("metrics[0].code");
        assertThat(catalogue().get("types").findValuesAsString("code")).doesNotContain("NEW_TYPE");
    }

    @Test
    void anInactiveTypeTakesNoNewActivities() throws Exception {
        String code = "OLD_" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        mvc.perform(put(BASE + "/catalogue/types/" + code)
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body(Map.of(
                                "name", "旧类型", "active", false, "metrics", List.of(Map.of("code", "sessions"))))))
                .andExpect(status().isOk());
        Map<String, Object> activity = Api.training("旧类型活动", 0, 0);
        activity.put("type", code);
        activity.put("metrics", Map.of("sessions", 1));
        JsonNode problem =
                json(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(BASE)
                                .with(gudongStaff())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(body(activity)))
                        .andExpect(status().isBadRequest())
                        .andReturn());
        assertThat(problem.get("errors").get(0).get("message").asString()).contains("已停用");
    }

    private JsonNode catalogue() throws Exception {
        return json(mvc.perform(get(BASE + "/catalogue").with(gudongStaff()))
                .andExpect(status().isOk())
                .andReturn());
    }

    private String typeName(String code) throws Exception {
        for (JsonNode t : catalogue().get("types")) {
            if (t.get("code").asString().equals(code)) {
                return t.get("name").asString();
            }
        }
        return null;
    }
}
