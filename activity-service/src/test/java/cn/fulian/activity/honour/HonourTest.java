package cn.fulian.activity.honour;

import static cn.fulian.activity.support.Api.BASE;
import static cn.fulian.activity.support.Api.body;
import static cn.fulian.activity.support.Api.json;
import static cn.fulian.starter.test.TestTokens.cangshanStaff;
import static cn.fulian.starter.test.TestTokens.cityStaff;
import static cn.fulian.starter.test.TestTokens.gudongStaff;
import static cn.fulian.starter.test.TestTokens.gulouStaff;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.fulian.activity.assignment.AssignmentDirectory;
import cn.fulian.activity.support.Api;
import cn.fulian.activity.support.KafkaProbe;
import cn.fulian.activity.support.Planning;
import cn.fulian.events.EventCodec;
import cn.fulian.events.Topics;
import cn.fulian.events.activity.HonourReviewed;
import cn.fulian.starter.entryyear.EntryYears;
import cn.fulian.starter.orgunit.OrgUnitDirectory;
import cn.fulian.starter.test.OpenYears;
import cn.fulian.starter.test.ServiceTest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;

@ServiceTest
class HonourTest {

    static final String HONOURS = BASE + "/honours";

    @Autowired
    MockMvc mvc;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    EventCodec codec;

    @Autowired
    AssignmentDirectory assignments;

    @Autowired
    OrgUnitDirectory units;

    @Autowired
    EntryYears entryYears;

    String round;

    @BeforeEach
    void units() {
        new Planning(broker, codec, assignments).orgUnits(units);
        round = "复查-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aReviewRoundCountsRetainedRevokedAndTransferredForTheReviewingSubtree() throws Exception {
        JsonNode a = award(gulouStaff(), "CIVILISED_POST", "CITY", "鼓楼区政务服务中心窗口", null);
        JsonNode b = award(gulouStaff(), "CIVILISED_POST", "CITY", "鼓楼区人民医院妇产科", null);
        JsonNode c = award(gulouStaff(), "CIVILISED_POST", "PROVINCE", "鼓东街道社区服务站", Planning.GUDONG);
        JsonNode d = award(gudongStaff(), "CIVILISED_POST", "CITY", "鼓东街道卫生服务中心", null);

        review(gulouStaff(), a, "RETAINED", null, null).andExpect(status().isOk());
        review(gulouStaff(), b, "REVOKED", "管理不规范,服务质量下降", null).andExpect(status().isOk());
        review(gulouStaff(), c, "RETAINED", null, null).andExpect(status().isOk());
        JsonNode moved = json(review(gudongStaff(), d, "TRANSFERRED", "管理权限调整", Planning.CANGSHAN)
                .andExpect(status().isOk())
                .andReturn());
        assertThat(moved.get("holderUnitPath").asString()).isEqualTo(Planning.CANGSHAN);
        assertThat(moved.get("reviews").get(0).get("outcomeLabel").asString()).isEqualTo("移交");

        JsonNode forGulou = rounds(gulouStaff());
        assertThat(forGulou.size()).isEqualTo(1);
        assertThat(forGulou.get(0).get("total").asInt()).isEqualTo(4);
        assertThat(forGulou.get(0).get("retained").asInt()).isEqualTo(2);
        assertThat(forGulou.get(0).get("revoked").asInt()).isEqualTo(1);
        assertThat(forGulou.get(0).get("transferred").asInt()).isEqualTo(1);
        assertThat(rounds(cityStaff()).get(0).get("total").asInt()).isEqualTo(4);
        assertThat(rounds(gudongStaff()).get(0).get("total").asInt()).isEqualTo(2);
        assertThat(rounds(cangshanStaff())).isEmpty();

        // the transferred honour now belongs to 仓山区 and has left 鼓东街道's view
        mvc.perform(get(HONOURS + "/" + d.get("id").asString()).with(cangshanStaff()))
                .andExpect(status().isOk());
        mvc.perform(get(HONOURS + "/" + d.get("id").asString()).with(gudongStaff()))
                .andExpect(status().isNotFound());
        JsonNode revoked = json(mvc.perform(get(HONOURS)
                        .param("round", round)
                        .param("status", "REVOKED")
                        .with(cityStaff()))
                .andReturn());
        assertThat(revoked.get("total").asInt()).isEqualTo(1);
        assertThat(revoked.get("items").get(0).get("holderName").asString()).isEqualTo("鼓楼区人民医院妇产科");

        String id = d.get("id").asString();
        var events = KafkaProbe.events(broker, codec, Topics.ACTIVITY, id, 2);
        assertThat(events).extracting(e -> e.type()).containsExactly("HonourAwarded", "HonourReviewed");
        HonourReviewed reviewed = codec.payload(events.get(1), HonourReviewed.class);
        assertThat(reviewed.outcome()).isEqualTo("TRANSFERRED");
        assertThat(reviewed.holderUnitPath()).isEqualTo(Planning.GUDONG);
        assertThat(reviewed.transferredToPath()).isEqualTo(Planning.CANGSHAN);
        assertThat(reviewed.round()).isEqualTo(round);
    }

    @Test
    void anHonourIsReviewedOncePerRoundAndNeverAfterRevocation() throws Exception {
        JsonNode h = award(gulouStaff(), "MODEL_VILLAGE", "CITY", "鼓楼区示范村", null);
        JsonNode retained = json(review(gulouStaff(), h, "RETAINED", null, null).andReturn());
        review(gulouStaff(), retained, "REVOKED", "重复复查", null).andExpect(status().isConflict());

        JsonNode other = award(gulouStaff(), "WOMENS_HOME", "COUNTY", "鼓楼区某社区妇女之家", null);
        JsonNode revoked =
                json(review(gulouStaff(), other, "REVOKED", "场所撤并", null).andReturn());
        round = round + "-next";
        review(gulouStaff(), revoked, "RETAINED", null, null).andExpect(status().isConflict());
        assertThat(json(mvc.perform(get(HONOURS + "/" + other.get("id").asString())
                                        .with(gulouStaff()))
                                .andReturn())
                        .get("reviews"))
                .hasSize(1);
    }

    @Test
    void aReviewNeedsTheHonoursVersionAsIfMatch428WithoutIt412WhenStale() throws Exception {
        JsonNode h = award(gulouStaff(), "CIVILISED_POST", "CITY", "鼓楼区某窗口-" + UUID.randomUUID(), null);
        String id = h.get("id").asString();
        mvc.perform(get(HONOURS + "/" + id).with(gulouStaff()))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", Api.ifMatch(h)));
        Map<String, Object> body = Map.of("round", round, "outcome", "RETAINED");

        mvc.perform(post(HONOURS + "/" + id + "/reviews")
                        .with(gulouStaff())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body(body)))
                .andExpect(status().isPreconditionRequired());
        mvc.perform(post(HONOURS + "/" + id + "/reviews")
                        .with(gulouStaff())
                        .header("If-Match", "\"" + (h.get("version").asLong() + 7) + "\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body(body)))
                .andExpect(status().isPreconditionFailed())
                .andExpect(header().string("ETag", Api.ifMatch(h)));
        JsonNode reviewed = json(review(gulouStaff(), h, "RETAINED", null, null)
                .andExpect(status().isOk())
                .andExpect(header().exists("ETag"))
                .andReturn());
        assertThat(reviewed.get("reviews")).hasSize(1);
    }

    @Test
    void badReviewsAreRefusedNamingTheField() throws Exception {
        JsonNode h = award(gulouStaff(), "FIVE_GOOD_FAMILY", "COUNTY", "王某某家庭", null);
        assertField(review(gulouStaff(), h, "REVOKED", null, null), "reason");
        assertField(review(gulouStaff(), h, "TRANSFERRED", "移交", null), "transferredToPath");
        assertField(review(gulouStaff(), h, "TRANSFERRED", "移交", "350100/350199"), "transferredToPath");
        assertField(review(gulouStaff(), h, "TRANSFERRED", "移交", Planning.GULOU), "transferredToPath");
        assertField(review(gulouStaff(), h, "RETAINED", null, Planning.CANGSHAN), "transferredToPath");
        assertField(review(gulouStaff(), h, "PROMOTED", null, null), "outcome");
        assertThat(json(mvc.perform(get(HONOURS + "/" + h.get("id").asString()).with(gulouStaff()))
                                .andReturn())
                        .get("reviews"))
                .isEmpty();
    }

    @Test
    void honoursAreRegisteredOnlyWithinTheCallersSubtreeAndSeenOnlyThere() throws Exception {
        assertField(
                awardRequest(gudongStaff(), "CIVILISED_POST", "CITY", "越权登记", Planning.GULOU, "2026-03-08"),
                "holderUnitPath");
        assertField(awardRequest(gulouStaff(), "CIVILISED_POST", "CITY", "未来命名", null, "2999-01-01"), "awardedOn");
        assertField(awardRequest(gulouStaff(), "SAINTHOOD", "CITY", "未知类别", null, "2026-03-08"), "kind");

        JsonNode h = award(gulouStaff(), "CIVILISED_POST", "NATIONAL", "鼓楼区税务局窗口", null);
        String id = h.get("id").asString();
        mvc.perform(get(HONOURS + "/" + id).with(cangshanStaff())).andExpect(status().isNotFound());
        mvc.perform(get(HONOURS + "/" + id).with(gudongStaff())).andExpect(status().isNotFound());
        review(cangshanStaff(), h, "REVOKED", "越权复查", null).andExpect(status().isNotFound());
        JsonNode city = json(mvc.perform(get(HONOURS + "/" + id).with(cityStaff()))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(city.get("levelLabel").asString()).isEqualTo("国家级");
        assertThat(city.get("kindLabel").asString()).isEqualTo("巾帼文明岗");
    }

    @Test
    void aReviewFromAnEarlierYearsLedgerKeepsItsDayAndSaysSoInItsEvent() throws Exception {
        JsonNode h = json(awardRequest(gulouStaff(), "CIVILISED_POST", "CITY", "鼓楼区某窗口(2010年命名)", null, "2010-03-08")
                .andExpect(status().isCreated())
                .andReturn());
        // 2012 has not been opened for entry by city staff: its reviews are refused, 2013's once opened are taken
        assertField(review(gulouStaff(), h, "RETAINED", null, null, "2012-11-20"), "reviewedOn");
        OpenYears.open(broker, entryYears, 2013);
        JsonNode reviewed = json(review(gulouStaff(), h, "RETAINED", null, null, "2013-11-20")
                .andExpect(status().isOk())
                .andReturn());
        assertThat(reviewed.get("reviews").get(0).get("reviewedOn").asString()).isEqualTo("2013-11-20");

        String id = h.get("id").asString();
        var events = KafkaProbe.events(broker, codec, Topics.ACTIVITY, id, 2);
        HonourReviewed event = codec.payload(events.get(1), HonourReviewed.class);
        assertThat(event.reviewedOn()).isEqualTo(LocalDate.of(2013, 11, 20));

        JsonNode today = award(gulouStaff(), "CIVILISED_POST", "CITY", "鼓楼区某窗口(今年复查)", null);
        JsonNode reviewedToday = json(review(gulouStaff(), today, "RETAINED", null, null)
                .andExpect(status().isOk())
                .andReturn());
        assertThat(reviewedToday.get("reviews").get(0).get("reviewedOn").asString())
                .isEqualTo(LocalDate.now(ZoneId.of("Asia/Shanghai")).toString());
    }

    @Test
    void aReviewDatedInTheFutureOrBeforeTheAwardIsRefusedNamingTheDay() throws Exception {
        JsonNode h = award(gulouStaff(), "CIVILISED_POST", "CITY", "鼓楼区某窗口(日期有误)", null);
        assertField(review(gulouStaff(), h, "RETAINED", null, null, "2999-01-01"), "reviewedOn");
        assertField(review(gulouStaff(), h, "RETAINED", null, null, "2024-03-07"), "reviewedOn");
        assertThat(json(mvc.perform(get(HONOURS + "/" + h.get("id").asString()).with(gulouStaff()))
                                .andReturn())
                        .get("reviews"))
                .isEmpty();
    }

    private JsonNode award(RequestPostProcessor token, String kind, String level, String holder, String unit)
            throws Exception {
        return json(awardRequest(token, kind, level, holder, unit, "2024-03-08")
                .andExpect(status().isCreated())
                .andReturn());
    }

    private ResultActions awardRequest(
            RequestPostProcessor token, String kind, String level, String holder, String unit, String awardedOn)
            throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", kind);
        body.put("level", level);
        body.put("holderName", holder);
        body.put("holderUnitPath", unit);
        body.put("awardedOn", awardedOn);
        body.put("awardedBy", "福州市妇联");
        return mvc.perform(post(HONOURS)
                .with(token)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body(body)));
    }

    private ResultActions review(RequestPostProcessor token, JsonNode honour, String outcome, String reason, String to)
            throws Exception {
        return review(token, honour, outcome, reason, to, null);
    }

    private ResultActions review(
            RequestPostProcessor token, JsonNode honour, String outcome, String reason, String to, String reviewedOn)
            throws Exception {
        Map<String, Object> body = new HashMap<>();
        if (reviewedOn != null) {
            body.put("reviewedOn", reviewedOn);
        }
        body.put("round", round);
        body.put("outcome", outcome);
        body.put("reason", reason);
        body.put("transferredToPath", to);
        return mvc.perform(post(HONOURS + "/" + honour.get("id").asString() + "/reviews")
                .with(token)
                .header("If-Match", Api.ifMatch(honour))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body(body)));
    }

    private JsonNode rounds(RequestPostProcessor token) throws Exception {
        return json(mvc.perform(
                        get(HONOURS + "/review-rounds").param("round", round).with(token))
                .andExpect(status().isOk())
                .andReturn());
    }

    private static void assertField(ResultActions result, String field) throws Exception {
        JsonNode problem = json(result.andExpect(status().isBadRequest()).andReturn());
        assertThat(problem.get("errors").findValuesAsString("field")).contains(field);
    }
}
