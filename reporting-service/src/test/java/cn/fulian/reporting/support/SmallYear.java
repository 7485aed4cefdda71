package cn.fulian.reporting.support;

import static cn.fulian.reporting.support.Scenario.toward;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.fulian.events.EventCodec;
import cn.fulian.events.rights.CaseClosed;
import cn.fulian.events.rights.CaseRegistered;
import cn.fulian.starter.outbox.OutboxRelay;
import cn.fulian.starter.test.Eventually;
import cn.fulian.starter.test.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A small plan year (2032) shared by the export, summary and snapshot tests, driven once per test context: two tasks
 * allocated to the city, both districts and two townships, activities, two rights cases at 鼓楼区, and 鼓楼区's Q1
 * training report approved by the city. The figures are chosen so every export cell can be named in a test.
 */
public final class SmallYear {

    public static final int YEAR = 2032;
    public static final String TRAIN = "t32-train";
    public static final String LOAN = "t32-loan";
    /** The day the dashboards are read on. */
    public static final LocalDateTime TODAY = LocalDateTime.of(YEAR, 6, 30, 10, 0);

    private static volatile boolean driven;

    private SmallYear() {}

    /** Publishes the year and waits for the read model, unless an earlier test class in this context did. */
    public static synchronized void ensure(
            EmbeddedKafkaBroker broker, EventCodec codec, MockMvc mvc, MutableClock clock, OutboxRelay relay)
            throws Exception {
        if (driven) {
            clock.set(TODAY);
            return;
        }
        try (EventBus bus = new EventBus(broker, codec)) {
            Units.register(bus);
            Scenario s = new Scenario(bus, YEAR);
            s.plan("plan-32", "2032年福州市妇联工作要点", 2);
            LocalDate yearEnd = LocalDate.of(YEAR, 12, 31);
            s.task("plan-32", TRAIN, "服务妇女发展", "举办各类培训班100期", "培训班", "期", "COUNT", "100", yearEnd);
            s.task("plan-32", LOAN, "服务妇女创业就业", "新增妇女小额贴息贷款5000万元", "贴息贷款", "万元", "AMOUNT", "5000", yearEnd);
            s.allocate(TRAIN, Units.CITY, "100", yearEnd);
            s.allocate(TRAIN, Units.GULOU, "60", yearEnd);
            s.allocate(TRAIN, Units.CANGSHAN, "40", yearEnd);
            s.allocate(TRAIN, Units.GUDONG, "30", yearEnd);
            s.allocate(TRAIN, Units.CANGQIAN, "20", yearEnd);
            s.allocate(LOAN, Units.CITY, "5000", yearEnd);
            s.allocate(LOAN, Units.GULOU, "3000", yearEnd);
            s.allocate(LOAN, Units.CANGSHAN, "2000", yearEnd);
            s.acknowledge(TRAIN, Units.GULOU, Instant.parse("2032-02-10T02:00:00Z"));
            // 鼓楼区 30 training classes (all at 鼓东街道), 仓山区 12 (仓前街道); loans 1200.5 and 800 万元
            s.recorded("b1", Units.GUDONG, toward(TRAIN, Units.GUDONG, "30"));
            s.recorded("b2", Units.CANGQIAN, toward(TRAIN, Units.CANGQIAN, "12"));
            s.recorded("b3", Units.GULOU, toward(LOAN, Units.GULOU, "1200.5"));
            s.recorded("b4", Units.CANGQIAN, toward(LOAN, Units.CANGSHAN, "800"));
            Instant march = Instant.parse("2032-03-01T02:00:00Z");
            for (String id : new String[] {"k1", "k2"}) {
                bus.publish(
                        new CaseRegistered(
                                id,
                                Units.GULOU,
                                "VISIT",
                                "MARRIAGE_FAMILY",
                                false,
                                march,
                                LocalDate.of(YEAR, 3, 16),
                                LocalDate.of(YEAR, 4, 1),
                                false),
                        Units.GULOU,
                        id,
                        march);
            }
            bus.publish(
                    new CaseClosed(
                            "k1",
                            Units.GULOU,
                            "MARRIAGE_FAMILY",
                            Instant.parse("2032-03-10T02:00:00Z"),
                            true,
                            "RESOLVED",
                            "VISIT",
                            LocalDate.of(YEAR, 4, 1)),
                    Units.GULOU,
                    "k1",
                    march);
            bus.awaitCaughtUp(EventBus.readModelTopics());

            clock.set(LocalDateTime.of(YEAR, 4, 3, 10, 0));
            String json = mvc.perform(post("/api/reports/progress-reports")
                            .with(TestTokens.gulouStaff())
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"assignmentId\":\"" + Scenario.assignmentId(TRAIN, Units.GULOU)
                                    + "\",\"period\":\"2032-Q1\",\"value\":30}"))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            String reportId = codec.mapper().readTree(json).get("id").asString();
            mvc.perform(post("/api/reports/progress-reports/" + reportId + "/approve")
                            .with(TestTokens.cityStaff()))
                    .andExpect(status().isOk());
            Eventually.within(Duration.ofSeconds(30), "outbox drained", () -> relay.pendingCount() == 0);
            bus.awaitCaughtUp(EventBus.readModelTopics());
        }
        clock.set(TODAY);
        driven = true;
    }

    /** Noon on a day of the year, Beijing. */
    public static Instant at(LocalDate day) {
        return day.atTime(LocalTime.NOON).atZone(MutableClock.ZONE).toInstant();
    }
}
