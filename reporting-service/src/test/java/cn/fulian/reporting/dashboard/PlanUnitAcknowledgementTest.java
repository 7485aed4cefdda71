package cn.fulian.reporting.dashboard;

import static cn.fulian.reporting.support.Units.CITY;
import static cn.fulian.reporting.support.Units.GULOU;
import static org.assertj.core.api.Assertions.assertThat;

import cn.fulian.events.EventCodec;
import cn.fulian.events.Topics;
import cn.fulian.reporting.support.Dashboards;
import cn.fulian.reporting.support.EventBus;
import cn.fulian.reporting.support.ReportingTest;
import cn.fulian.reporting.support.Scenario;
import cn.fulian.reporting.support.Units;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/**
 * The plan's own unit holds its tasks acknowledged from publication (planning gives its assignment the publication
 * time and publishes no AssignmentAcknowledged for it), so the dashboard shows that time as its 签收时间.
 */
@ReportingTest
class PlanUnitAcknowledgementTest {

    static final int YEAR = 2034;

    @Autowired
    MockMvc mvc;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    EventCodec codec;

    @Test
    void cityTasksShowAcknowledgedAtPublicationWhileADistrictWaitsForItsOwnAcknowledgement() throws Exception {
        LocalDate due = LocalDate.of(YEAR, 12, 31);
        try (EventBus bus = new EventBus(broker, codec)) {
            Units.register(bus);
            Scenario s = new Scenario(bus, YEAR);
            s.plan("p34", "2034年工作要点", 1);
            s.task("p34", "t34-ack", "服务妇女发展", "培训妇女100人次", "培训人次", "人次", "COUNT", "100", due);
            s.allocate("t34-ack", CITY, "100", due);
            s.allocate("t34-ack", GULOU, "100", due);
            bus.awaitCaughtUp(List.of(Topics.PLANNING));

            JsonNode city = dashboard(CITY);
            assertThat(city.at("/tasks/0/acknowledgedAt").asString())
                    .isEqualTo(Instant.parse(YEAR + "-02-01T01:00:00Z").toString());
            List<JsonNode> childAcknowledgements = new ArrayList<>();
            for (JsonNode child : city.get("children")) {
                childAcknowledgements.addAll(
                        Dashboards.childRows(mvc, codec, child, YEAR).findValues("acknowledgedAt"));
            }
            assertThat(childAcknowledgements)
                    .isNotEmpty()
                    .allSatisfy(at -> assertThat(at.isNull()).isTrue());

            Instant acknowledged = Instant.parse(YEAR + "-02-03T02:00:00Z");
            s.acknowledge("t34-ack", GULOU, acknowledged);
            bus.awaitCaughtUp(List.of(Topics.PLANNING));
            assertThat(dashboard(GULOU).at("/tasks/0/acknowledgedAt").asString())
                    .isEqualTo(acknowledged.toString());
        }
    }

    private JsonNode dashboard(String unit) throws Exception {
        return Dashboards.leaderView(mvc, codec, unit, YEAR);
    }
}
