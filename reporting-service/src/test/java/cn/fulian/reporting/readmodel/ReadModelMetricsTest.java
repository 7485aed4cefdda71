package cn.fulian.reporting.readmodel;

import static cn.fulian.reporting.support.Units.CITY;
import static cn.fulian.reporting.support.Units.GULOU;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.fulian.events.EventCodec;
import cn.fulian.events.Topics;
import cn.fulian.reporting.support.EventBus;
import cn.fulian.reporting.support.ReportingTest;
import cn.fulian.reporting.support.Scenario;
import cn.fulian.reporting.support.Units;
import cn.fulian.starter.test.PrometheusScrape;
import cn.fulian.starter.test.TestTokens;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.servlet.MockMvc;

/** An operator sees how fast events reach the read model and how far a rebuild has come. */
@ReportingTest
class ReadModelMetricsTest {

    static final int YEAR = 2041;

    @Autowired
    MockMvc mvc;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    EventCodec codec;

    @Test
    void appliedEventsAreCountedPerTopicAndARebuildShowsTheRecordsItReplayed() throws Exception {
        double planningBefore = applied(scrape(), Topics.PLANNING);
        LocalDate due = LocalDate.of(YEAR, 12, 31);
        try (EventBus bus = new EventBus(broker, codec)) {
            Units.register(bus);
            Scenario s = new Scenario(bus, YEAR);
            s.plan("p41", "2041年工作要点", 1);
            s.task("p41", "t41-metrics", "服务妇女发展", "培训妇女100人次", "培训人次", "人次", "COUNT", "100", due);
            s.allocate("t41-metrics", CITY, "100", due);
            s.allocate("t41-metrics", GULOU, "60", due);
            bus.awaitCaughtUp(List.of(Topics.PLANNING));
        }

        PrometheusScrape live = scrape();
        assertThat(applied(live, Topics.PLANNING)).isGreaterThanOrEqualTo(planningBefore + 4);
        for (String topic : List.of(Topics.ACTIVITY, Topics.RIGHTS, Topics.REPORTING)) {
            assertThat(live.value("fulian_readmodel_events_applied_total", Map.of("topic", topic)))
                    .as("shown for %s before anything arrives", topic)
                    .isPresent();
        }
        assertThat(live.value("fulian_rebuild_running", Map.of())).hasValue(0);

        mvc.perform(post("/api/reports/admin/rebuild").with(TestTokens.admin())).andExpect(status().isOk());

        PrometheusScrape rebuilt = scrape();
        assertThat(rebuilt.value("fulian_rebuild_running", Map.of())).hasValue(0);
        assertThat(rebuilt.value("fulian_rebuild_records", Map.of()).orElseThrow())
                .as("every record on the topics was replayed, at least those of this test")
                .isGreaterThanOrEqualTo(4);
        assertThat(applied(rebuilt, Topics.PLANNING))
                .as("the rebuild applies the planning events again")
                .isGreaterThanOrEqualTo(applied(live, Topics.PLANNING) + 4);
    }

    private static double applied(PrometheusScrape scrape, String topic) {
        return scrape.value("fulian_readmodel_events_applied_total", Map.of("topic", topic))
                .orElseThrow();
    }

    private PrometheusScrape scrape() throws Exception {
        return PrometheusScrape.parse(mvc.perform(get("/actuator/prometheus"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    }
}
