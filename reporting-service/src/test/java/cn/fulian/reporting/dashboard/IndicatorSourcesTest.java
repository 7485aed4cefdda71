package cn.fulian.reporting.dashboard;

import static cn.fulian.reporting.support.Units.CANGSHAN;
import static cn.fulian.reporting.support.Units.CITY;
import static cn.fulian.reporting.support.Units.GUDONG;
import static cn.fulian.reporting.support.Units.GULOU;
import static cn.fulian.reporting.support.Units.GUXI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.fulian.events.EventCodec;
import cn.fulian.events.activity.HonourReviewed;
import cn.fulian.events.planning.IndicatorSource;
import cn.fulian.events.rights.CaseClosed;
import cn.fulian.events.rights.CaseRegistered;
import cn.fulian.reporting.readmodel.ReadModel;
import cn.fulian.reporting.readmodel.RebuildService;
import cn.fulian.reporting.support.Dashboards;
import cn.fulian.reporting.support.EventBus;
import cn.fulian.reporting.support.Redelivery;
import cn.fulian.reporting.support.ReportingTest;
import cn.fulian.reporting.support.Scenario;
import cn.fulian.reporting.support.Units;
import cn.fulian.starter.test.TestTokens;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/**
 * A task's actual comes from the source its indicator names: activities (counted once per task, rolled up from the
 * unit that recorded them), the rights cases of the plan year, the honours reviewed in it; a ceiling without data is
 * grey (无数据) and out of the ranking; a unit's retained share is measured against its own work.
 */
@ReportingTest
class IndicatorSourcesTest {

    static final int YEAR = 2012;
    static final LocalDate DUE = LocalDate.of(YEAR, 12, 31);
    static final Instant AT = Instant.parse(YEAR + "-06-01T02:00:00Z");

    @Autowired
    MockMvc mvc;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    EventCodec codec;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    RebuildService rebuilds;

    @Test
    void everySourceFeedsItsTaskAtEveryLevelExactlyOnceAndARebuildChangesNothing() throws Exception {
        try (EventBus bus = new EventBus(broker, codec)) {
            Units.register(bus);
            Scenario s = new Scenario(bus, YEAR);
            s.plan("src-p", "2012年工作要点", 5);
            s.task(
                    "src-p",
                    "src-t-train",
                    "服务妇女发展",
                    "举办培训班",
                    "培训班期数",
                    "期",
                    "COUNT",
                    "AT_LEAST",
                    "25",
                    DUE,
                    IndicatorSource.activity("sessions", null));
            s.task(
                    "src-p",
                    "src-t-petition",
                    "维护妇女儿童合法权益",
                    "信访处结率达98%以上",
                    "信访处结率",
                    "%",
                    "RATE",
                    "AT_LEAST",
                    "98",
                    DUE,
                    IndicatorSource.rights("CLOSURE_RATE", null));
            s.task(
                    "src-p",
                    "src-t-posts",
                    "服务妇女发展",
                    "复查巾帼文明岗",
                    "复查巾帼文明岗",
                    "个",
                    "COUNT",
                    "AT_LEAST",
                    "8",
                    DUE,
                    IndicatorSource.honours("REVIEWED", "CIVILISED_POST"));
            s.task(
                    "src-p",
                    "src-t-ceiling",
                    "维护妇女儿童合法权益",
                    "重复信访控制在30件以内",
                    "重复信访",
                    "件",
                    "COUNT",
                    "AT_MOST",
                    "30",
                    DUE,
                    IndicatorSource.activity("sessions", null));
            for (String task : List.of("src-t-train", "src-t-petition", "src-t-posts", "src-t-ceiling")) {
                for (String unit : List.of(CITY, GULOU, CANGSHAN, GUDONG)) {
                    s.allocate(task, unit, task.equals("src-t-train") ? "25" : "30", DUE);
                }
            }
            s.retain("src-t-train", GULOU, "16");

            // one training recorded by 鼓东, linked (before the rule) to 鼓东's, 鼓楼's and the city's assignment
            s.recorded(
                    "src-a-double",
                    GUDONG,
                    Scenario.toward("src-t-train", GUDONG, "1"),
                    Scenario.toward("src-t-train", GULOU, "1"),
                    Scenario.toward("src-t-train", CITY, "1"));
            s.recorded("src-a-gulou", GULOU, Scenario.toward("src-t-train", GULOU, "5"));
            s.recorded("src-a-cangshan", CANGSHAN, Scenario.toward("src-t-train", CANGSHAN, "3"));

            // five petitions received in the year under 鼓楼 (four at 鼓东, one at 鼓西), all closed; two at 仓山, one closed
            int n = 0;
            for (String unit : List.of(GUDONG, GUDONG, GUDONG, GUDONG, GUXI, CANGSHAN, CANGSHAN)) {
                String id = "src-c-" + (++n);
                bus.publish(
                        new CaseRegistered(id, unit, "VISIT", "MARRIAGE_FAMILY", false, AT, DUE, DUE, false),
                        unit,
                        id,
                        AT);
                if (!(unit.equals(CANGSHAN) && n == 7)) {
                    bus.publish(
                            new CaseClosed(
                                    id, unit, "MARRIAGE_FAMILY", AT.plusSeconds(3600), true, "RESOLVED", "VISIT", DUE),
                            unit,
                            id,
                            AT.plusSeconds(3600));
                }
            }

            // civilised posts reviewed: 鼓东 3 kept and 1 revoked, 鼓楼 1 transferred; a model village does not count
            n = 0;
            for (String[] review : new String[][] {
                {GUDONG, "RETAINED"},
                {GUDONG, "RETAINED"},
                {GUDONG, "RETAINED"},
                {GUDONG, "REVOKED"},
                {GULOU, "TRANSFERRED"}
            }) {
                String id = "src-h-" + (++n);
                bus.publish(
                        new HonourReviewed(id, "CIVILISED_POST", review[0], "2012年复查", review[1], null),
                        review[0],
                        id,
                        AT);
            }
            bus.publish(
                    new HonourReviewed("src-h-v", "MODEL_VILLAGE", GUDONG, "2012年复查", "RETAINED", null),
                    GUDONG,
                    "src-h-v",
                    AT);
            bus.awaitCaughtUp(EventBus.readModelTopics());

            Map<String, JsonNode> city = rows(CITY);
            Map<String, JsonNode> gulou = rows(GULOU);
            Map<String, JsonNode> gudong = rows(GUDONG);

            // the double-linked training adds 1 at every level, not 3
            assertThat(gudong.get("src-t-train").get("actual").asInt()).isEqualTo(1);
            assertThat(gulou.get("src-t-train").get("actual").asInt()).isEqualTo(6);
            assertThat(city.get("src-t-train").get("actual").asInt()).isEqualTo(9);

            // the closure rate of the cases received in the plan year
            assertThat(gudong.get("src-t-petition").get("actual").decimalValue())
                    .isEqualByComparingTo("100");
            assertThat(gulou.get("src-t-petition").get("actual").decimalValue()).isEqualByComparingTo("100");
            assertThat(city.get("src-t-petition").get("actualNumerator").asInt())
                    .isEqualTo(6);
            assertThat(city.get("src-t-petition").get("actualDenominator").asInt())
                    .isEqualTo(7);
            assertThat(city.get("src-t-petition").get("actual").decimalValue()).isEqualByComparingTo("85.7");
            assertThat(city.get("src-t-petition").get("source").asString()).isEqualTo("RIGHTS");

            // civilised posts reviewed, whatever the outcome; the model village is another kind
            assertThat(gudong.get("src-t-posts").get("actual").asInt()).isEqualTo(4);
            assertThat(gulou.get("src-t-posts").get("actual").asInt()).isEqualTo(5);
            assertThat(city.get("src-t-posts").get("actual").asInt()).isEqualTo(5);

            // the breadcrumb names the unit's lineage from the root down, each unit with its type
            JsonNode trail = Dashboards.leaderView(mvc, codec, GUDONG, YEAR).get("trail");
            assertThat(trail.findValuesAsString("path")).containsExactly(CITY, GULOU, GUDONG);
            assertThat(trail.findValuesAsString("typeLabel")).containsExactly("市", "区", "街道");
            assertThat(trail.findValuesAsString("level")).containsExactly("CITY", "DISTRICT", "TOWNSHIP");

            // the dashboard names the reviews' outcomes, by kind
            JsonNode honours = Dashboards.leaderView(mvc, codec, GULOU, YEAR).get("honours");
            assertThat(honours.findValuesAsString("kind")).containsExactly("CIVILISED_POST", "MODEL_VILLAGE");
            assertThat(honours.get(0).get("reviewed").asInt()).isEqualTo(5);
            assertThat(honours.get(0).get("retained").asInt()).isEqualTo(3);
            assertThat(honours.get(0).get("revoked").asInt()).isEqualTo(1);
            assertThat(honours.get(0).get("transferred").asInt()).isEqualTo(1);

            // a ceiling nobody recorded anything for is grey, not met by default
            assertThat(city.get("src-t-ceiling").get("paceStatus").asString()).isEqualTo("NO_DATA");
            assertThat(city.get("src-t-ceiling").get("actual").isNull()).isTrue();
            assertThat(city.get("src-t-ceiling").get("completionPercent").isNull())
                    .isTrue();
            JsonNode ranking = Dashboards.leaderView(mvc, codec, CITY, YEAR).get("rankings");
            assertThat(ranking.findValuesAsString("path")).contains(GULOU, CANGSHAN);
            for (JsonNode r : ranking) {
                assertThat(r.get("noData").asInt())
                        .as("tasks without data at " + r.at("/unit/path"))
                        .isEqualTo(1);
            }

            // 鼓楼 keeps 16 期 itself: its own row measures its own 5 期
            JsonNode retained = Dashboards.leaderView(mvc, codec, GULOU, YEAR).get("retainedShare");
            assertThat(retained).singleElement().satisfies(r -> {
                assertThat(r.get("taskId").asString()).isEqualTo("src-t-train");
                assertThat(r.get("target").asInt()).isEqualTo(16);
                assertThat(r.get("actual").asInt()).isEqualTo(5);
            });

            // the links recorded before the rule are reported, and a rebuild gives the same figures
            assertThat(mongo.count(
                            Query.query(Criteria.where("activityUnitPath")
                                    .is(GUDONG)
                                    .and("taskId")
                                    .is("src-t-train")),
                            ReadModel.RULE_BREAKS))
                    .isEqualTo(2);
            Map<String, String> before = figures();

            // every event again without its marker (a crash before the markers), then every event re-sent (a producer
            // retry): nothing moves
            Redelivery.everythingWithoutMarkers(bus, rebuilds, mongo);
            bus.awaitCaughtUp(EventBus.readModelTopics());
            assertThat(figures()).as("after redelivery").isEqualTo(before);
            assertThat(Redelivery.resend(bus, r -> r.key() != null && r.key().matches("(asg-)?src-.*")))
                    .isGreaterThan(40);
            bus.awaitCaughtUp(EventBus.readModelTopics());
            assertThat(figures()).as("after duplicates").isEqualTo(before);

            String result = mvc.perform(post("/api/reports/admin/rebuild").with(TestTokens.admin()))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(codec.mapper()
                            .readTree(result)
                            .get("linksBreakingTheCountingRule")
                            .asLong())
                    .isGreaterThanOrEqualTo(2);
            bus.awaitCaughtUp(EventBus.readModelTopics());
            assertThat(figures()).isEqualTo(before);
        }
    }

    private Map<String, JsonNode> rows(String unit) throws Exception {
        Map<String, JsonNode> byTask = new TreeMap<>();
        for (JsonNode r : Dashboards.leaderView(mvc, codec, unit, YEAR).get("tasks")) {
            byTask.put(r.get("taskId").asString(), r);
        }
        return byTask;
    }

    private Map<String, String> figures() throws Exception {
        Map<String, String> out = new TreeMap<>();
        for (String unit : List.of(CITY, GULOU, GUDONG, CANGSHAN)) {
            rows(unit).forEach((task, r) -> out.put(unit + "|" + task, r.get("actual") + "|" + r.get("paceStatus")));
        }
        return out;
    }
}
