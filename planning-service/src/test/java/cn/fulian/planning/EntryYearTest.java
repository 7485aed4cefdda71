package cn.fulian.planning;

import static cn.fulian.starter.test.TestTokens.cityStaff;
import static cn.fulian.starter.test.TestTokens.gulouStaff;
import static cn.fulian.starter.test.TestTokens.leader;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.fulian.events.Topics;
import cn.fulian.starter.test.ServiceTest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.servlet.MockMvc;

/** City staff open a past year so its ledgers can be moved in, and close it again; nobody else may. */
@ServiceTest
class EntryYearTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Test
    void cityStaffOpenAPastYearForEntryOnceAndCloseItAndEachChangeIsAnEvent() throws Exception {
        PlanningApi api = new PlanningApi(mvc);
        String reason = "{\"reason\":\"补录2013年工作台账\"}";

        api.post("/api/planning/entry-years/2013/open", gulouStaff(), reason).andExpect(status().isForbidden());
        api.post("/api/planning/entry-years/2013/open", leader(), reason).andExpect(status().isForbidden());
        api.post("/api/planning/entry-years/2013/open", cityStaff(), "{\"reason\":\" \"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        int lastYear = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear() - 1;
        api.post("/api/planning/entry-years/" + lastYear + "/open", cityStaff(), reason)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("year"));
        api.get("/api/planning/entry-years", gulouStaff())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.alwaysOpenFrom").value(lastYear))
                .andExpect(jsonPath("$.opened.length()").value(0));

        api.post("/api/planning/entry-years/2013/open", cityStaff(), reason)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.open").value(true))
                .andExpect(jsonPath("$.changedBy").value("city-staff"));
        api.post("/api/planning/entry-years/2013/open", cityStaff(), reason).andExpect(status().isConflict());
        api.get("/api/planning/entry-years", leader())
                .andExpect(jsonPath("$.opened[0].year").value(2013));

        api.post("/api/planning/entry-years/2013/close", gulouStaff()).andExpect(status().isForbidden());
        api.post("/api/planning/entry-years/2013/close", cityStaff())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.open").value(false));
        api.post("/api/planning/entry-years/2013/close", cityStaff()).andExpect(status().isConflict());
        api.post("/api/planning/entry-years/2011/close", cityStaff()).andExpect(status().isConflict());

        List<TopicReader.Published> events =
                TopicReader.read(broker, Topics.PLANNING, e -> "entry-year-2013".equals(e.aggregateId()), 2);
        assertThat(events).extracting(p -> p.envelope().type()).containsExactly("EntryYearOpened", "EntryYearClosed");
        assertThat(events.get(0).envelope().payload().get("reason").asString()).isEqualTo("补录2013年工作台账");
    }
}
