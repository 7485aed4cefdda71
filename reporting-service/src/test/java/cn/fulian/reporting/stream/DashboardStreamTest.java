package cn.fulian.reporting.stream;

import static cn.fulian.reporting.support.Scenario.toward;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.fulian.events.EventCodec;
import cn.fulian.reporting.support.EventBus;
import cn.fulian.reporting.support.ReportingTest;
import cn.fulian.reporting.support.Scenario;
import cn.fulian.reporting.support.Units;
import cn.fulian.starter.test.Eventually;
import cn.fulian.starter.test.TestTokens;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** The live stream of a unit's dashboard, fed by real events through the broker and the read model. */
@ReportingTest
class DashboardStreamTest {

    static final int YEAR = 2033;

    @Autowired
    MockMvc mvc;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    EventCodec codec;

    @Autowired
    DashboardStreams streams;

    @Test
    void aTownshipsActivityNotifiesTheStreamsOfItsDistrictAndTheCityButNotTheOtherDistrict() throws Exception {
        try (EventBus bus = new EventBus(broker, codec)) {
            Units.register(bus);
            Scenario s = new Scenario(bus, YEAR);
            s.task("plan-33", "t33-train", "服务妇女发展", "举办培训班", "培训班", "期", "COUNT", "10", LocalDate.of(YEAR, 12, 31));
            s.allocate("t33-train", Units.GUDONG, "5", LocalDate.of(YEAR, 12, 31));
            bus.awaitCaughtUp(EventBus.readModelTopics());

            MvcResult gulou = open(TestTokens.gulouStaff(), null);
            MvcResult city = open(TestTokens.leader(), Units.GULOU);
            MvcResult cangshan = open(TestTokens.cangshanStaff(), null);
            Eventually.within(
                    Duration.ofSeconds(5),
                    "three streams registered",
                    () -> streams.openCount(Units.GULOU) == 2 && streams.openCount(Units.CANGSHAN) == 1);
            MvcResult cityOwn = open(TestTokens.cityStaff(), null);

            s.recorded("s1", Units.GUDONG, toward("t33-train", Units.GUDONG, "3"));

            String expected = "\"unit\":\"" + Units.GULOU + "\",\"year\":" + YEAR;
            Eventually.within(
                    Duration.ofSeconds(30),
                    "district stream notified",
                    // the event's name and its data line can reach the response in two writes: wait for both
                    () -> body(gulou).contains("event:figures-changed")
                            && body(gulou).contains(expected));
            assertThat(body(gulou)).contains(expected).contains("\"at\":\"");
            Eventually.within(
                    Duration.ofSeconds(10),
                    "city stream notified",
                    () -> body(cityOwn).contains("\"unit\":\"" + Units.CITY + "\",\"year\":" + YEAR));
            // a leader watching 鼓楼区 gets 鼓楼区's notice; 仓山区 hears nothing of 鼓楼区's township
            Eventually.within(
                    Duration.ofSeconds(10),
                    "second district stream notified",
                    () -> body(city).contains(expected));
            assertThat(body(cangshan)).doesNotContain("figures-changed");
            assertThat(gulou.getResponse().getContentType()).startsWith("text/event-stream");
        }
    }

    @Test
    void aStreamOfAUnitOutsideTheCallersScopeIsNotFoundAndABadPathIsRejected() throws Exception {
        int before = streams.openCount(Units.CANGSHAN);
        mvc.perform(get("/api/reports/stream").param("unit", Units.CANGSHAN).with(TestTokens.gulouStaff()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/reports/stream").param("unit", "35//x").with(TestTokens.gulouStaff()))
                .andExpect(status().isBadRequest());
        assertThat(streams.openCount(Units.CANGSHAN)).isEqualTo(before);
    }

    private MvcResult open(org.springframework.test.web.servlet.request.RequestPostProcessor who, String unit)
            throws Exception {
        var request = get("/api/reports/stream").with(who);
        if (unit != null) {
            request.param("unit", unit);
        }
        return mvc.perform(request).andExpect(request().asyncStarted()).andReturn();
    }

    private static String body(MvcResult result) {
        MockHttpServletResponse response = result.getResponse();
        try {
            return response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8)
                    .replace("event: ", "event:");
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
