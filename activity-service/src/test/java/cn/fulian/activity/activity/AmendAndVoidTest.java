package cn.fulian.activity.activity;

import static cn.fulian.activity.support.Api.BASE;
import static cn.fulian.activity.support.Api.addLink;
import static cn.fulian.activity.support.Api.amendmentOf;
import static cn.fulian.activity.support.Api.body;
import static cn.fulian.activity.support.Api.ifMatch;
import static cn.fulian.activity.support.Api.json;
import static cn.fulian.activity.support.Api.training;
import static cn.fulian.starter.test.TestTokens.gudongStaff;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.fulian.activity.assignment.AssignmentDirectory;
import cn.fulian.activity.support.Api;
import cn.fulian.activity.support.KafkaProbe;
import cn.fulian.activity.support.Planning;
import cn.fulian.events.EventCodec;
import cn.fulian.events.EventEnvelope;
import cn.fulian.events.Topics;
import cn.fulian.events.activity.ActivityAmended;
import cn.fulian.events.activity.ActivityRecorded;
import cn.fulian.events.activity.ActivityVoided;
import cn.fulian.events.activity.AssignmentContribution;
import cn.fulian.starter.test.ServiceTest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

@ServiceTest
class AmendAndVoidTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    EventCodec codec;

    @Autowired
    AssignmentDirectory assignments;

    @Test
    void deltasOfRecordAmendAndVoidSumToTheActivitysValuesPerMetricAndPerAssignment() throws Exception {
        Planning planning = new Planning(broker, codec, assignments);
        String task = planning.task(2026, "培训妇女", "培训妇女", "人", "COUNT");
        String own = planning.allocate(task, 2026, Planning.GUDONG);
        String otherTask = planning.task(2026, "培训妇女骨干", "培训妇女骨干", "人", "COUNT");
        String other = planning.allocate(otherTask, 2026, Planning.GUDONG);
        planning.await(own, other);

        Map<String, Object> activity = training("两癌知识培训-" + UUID.randomUUID(), 120, 96);
        addLink(activity, own, "womenParticipants");
        JsonNode v1 = Api.record(mvc, gudongStaff(), activity);
        String id = v1.get("id").asString();

        Map<String, Object> correction = amendmentOf(v1, "签到表复核后更正人数");
        metricsOf(correction).put("participants", 112);
        metricsOf(correction).put("womenParticipants", 91);
        JsonNode v2 = amend(id, v1, correction);
        assertThat(v2.get("metrics").get("participants").asInt()).isEqualTo(112);

        // the activity now counts toward another of the unit's tasks instead, with all participants
        Map<String, Object> relink = amendmentOf(v2, "改为计入骨干培训任务");
        relink.put("links", List.of(Api.link(other, "participants")));
        metricsOf(relink).put("sessions", 2);
        JsonNode v3 = amend(id, v2, relink);
        assertThat(v3.get("amendments")).hasSize(2);
        assertThat(v3.get("amendments").get(1).get("reason").asString()).isEqualTo("改为计入骨干培训任务");

        List<EventEnvelope> beforeVoid = events(id, 3);
        assertThat(beforeVoid)
                .extracting(EventEnvelope::type)
                .containsExactly("ActivityRecorded", "ActivityAmended", "ActivityAmended");
        ActivityAmended first = codec.payload(beforeVoid.get(1), ActivityAmended.class);
        assertThat(first.delta()).containsOnlyKeys("participants", "womenParticipants");
        assertThat(first.delta().get("participants")).isEqualByComparingTo("-8");
        assertThat(first.reason()).isEqualTo("签到表复核后更正人数");

        Map<String, BigDecimal> metricSums = new HashMap<>();
        Map<String, BigDecimal> perAssignment = new HashMap<>();
        sum(beforeVoid, metricSums, perAssignment);
        assertThat(metricSums.get("sessions")).isEqualByComparingTo("2");
        assertThat(metricSums.get("participants")).isEqualByComparingTo("112");
        assertThat(metricSums.get("womenParticipants")).isEqualByComparingTo("91");
        assertThat(perAssignment.get(own)).isEqualByComparingTo("0");
        assertThat(perAssignment.get(other)).isEqualByComparingTo("112");

        JsonNode voided = json(mvc.perform(post(BASE + "/" + id + "/void")
                        .with(gudongStaff())
                        .header("If-Match", ifMatch(v3))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body(Map.of("reason", "重复录入"))))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(voided.get("status").asString()).isEqualTo("VOIDED");
        assertThat(voided.get("voidReason").asString()).isEqualTo("重复录入");

        List<EventEnvelope> all = events(id, 4);
        assertThat(all.get(3).type()).isEqualTo("ActivityVoided");
        Map<String, BigDecimal> finalSums = new HashMap<>();
        Map<String, BigDecimal> finalPerAssignment = new HashMap<>();
        sum(all, finalSums, finalPerAssignment);
        assertThat(finalSums.values()).allSatisfy(v -> assertThat(v).isEqualByComparingTo("0"));
        assertThat(finalPerAssignment.values()).allSatisfy(v -> assertThat(v).isEqualByComparingTo("0"));
    }

    @Test
    void concurrentAmendmentsOfOneVersionLetExactlyOneWinAndLoseNothing() throws Exception {
        JsonNode v1 = Api.record(mvc, gudongStaff(), training("巾帼志愿培训-" + UUID.randomUUID(), 60, 50));
        String id = v1.get("id").asString();
        List<Callable<Integer>> edits = new ArrayList<>();
        for (int participants : List.of(70, 80)) {
            Map<String, Object> body = amendmentOf(v1, "补录" + participants);
            metricsOf(body).put("participants", participants);
            edits.add(() -> mvc.perform(put(BASE + "/" + id)
                            .with(gudongStaff())
                            .header("If-Match", ifMatch(v1))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(body(body)))
                    .andReturn()
                    .getResponse()
                    .getStatus());
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : pool.invokeAll(edits)) {
            statuses.add(f.get());
        }
        pool.shutdown();

        assertThat(statuses).containsExactlyInAnyOrder(200, 412);
        JsonNode now =
                json(mvc.perform(get(BASE + "/" + id).with(gudongStaff())).andReturn());
        assertThat(now.get("amendments")).hasSize(1);
        String winner = now.get("amendments").get(0).get("reason").asString();
        assertThat(now.get("metrics").get("participants").asInt()).isEqualTo(winner.equals("补录70") ? 70 : 80);

        // the loser retrying with its stale version is told again rather than overwriting
        Map<String, Object> stale = amendmentOf(v1, "迟到的修改");
        JsonNode conflict = json(mvc.perform(put(BASE + "/" + id)
                        .with(gudongStaff())
                        .header("If-Match", ifMatch(v1))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body(stale)))
                .andExpect(status().isPreconditionFailed())
                .andReturn());
        assertThat(conflict.get("detail").asString()).contains("请刷新后重试");
        assertThat(events(id, 2))
                .extracting(EventEnvelope::type)
                .containsExactly("ActivityRecorded", "ActivityAmended");
    }

    @Test
    void anActivityIsReadAndChangedWithItsVersionAsETagAndIfMatch() throws Exception {
        JsonNode v1 = Api.record(mvc, gudongStaff(), training("版本头测试-" + UUID.randomUUID(), 40, 30));
        String id = v1.get("id").asString();
        mvc.perform(get(BASE + "/" + id).with(gudongStaff()))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", ifMatch(v1)));

        Map<String, Object> amend = amendmentOf(v1, "更正人数");
        metricsOf(amend).put("participants", 45);
        mvc.perform(put(BASE + "/" + id)
                        .with(gudongStaff())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body(amend)))
                .andExpect(status().isPreconditionRequired())
                .andExpect(jsonPath("$.type").value("urn:fulian:problem:precondition-required"));
        mvc.perform(post(BASE + "/" + id + "/void")
                        .with(gudongStaff())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body(Map.of("reason", "重复录入"))))
                .andExpect(status().isPreconditionRequired());

        JsonNode v2 = json(mvc.perform(put(BASE + "/" + id)
                        .with(gudongStaff())
                        .header("If-Match", ifMatch(v1))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body(amend)))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"" + (v1.get("version").asLong() + 1) + "\""))
                .andReturn());
        mvc.perform(post(BASE + "/" + id + "/void")
                        .with(gudongStaff())
                        .header("If-Match", ifMatch(v1))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body(Map.of("reason", "重复录入"))))
                .andExpect(status().isPreconditionFailed())
                .andExpect(header().string("ETag", ifMatch(v2)))
                .andExpect(jsonPath("$.type").value("urn:fulian:problem:precondition-failed"));
        assertThat(events(id, 2))
                .extracting(EventEnvelope::type)
                .containsExactly("ActivityRecorded", "ActivityAmended");
    }

    @Test
    void aVoidedActivityCannotBeAmendedOrVoidedAgain() throws Exception {
        JsonNode v1 = Api.record(mvc, gudongStaff(), training("作废测试-" + UUID.randomUUID(), 30, 20));
        String id = v1.get("id").asString();
        JsonNode voided = json(mvc.perform(post(BASE + "/" + id + "/void")
                        .with(gudongStaff())
                        .header("If-Match", ifMatch(v1))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body(Map.of("reason", "活动取消"))))
                .andExpect(status().isOk())
                .andReturn());

        mvc.perform(post(BASE + "/" + id + "/void")
                        .with(gudongStaff())
                        .header("If-Match", ifMatch(voided))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body(Map.of("reason", "再次作废"))))
                .andExpect(status().isConflict());
        Map<String, Object> amend = amendmentOf(voided, "作废后修改");
        mvc.perform(put(BASE + "/" + id)
                        .with(gudongStaff())
                        .header("If-Match", ifMatch(voided))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body(amend)))
                .andExpect(status().isConflict());
        assertThat(events(id, 2)).extracting(EventEnvelope::type).containsExactly("ActivityRecorded", "ActivityVoided");
    }

    @Test
    void anAmendmentNeedsAReasonAndKeepsDatesInThePlanYear() throws Exception {
        JsonNode v1 = Api.record(mvc, gudongStaff(), training("原因测试-" + UUID.randomUUID(), 30, 20));
        String id = v1.get("id").asString();
        Map<String, Object> noReason = amendmentOf(v1, " ");
        JsonNode p1 = json(mvc.perform(put(BASE + "/" + id)
                        .with(gudongStaff())
                        .header("If-Match", ifMatch(v1))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body(noReason)))
                .andExpect(status().isBadRequest())
                .andReturn());
        assertThat(p1.get("errors").findValuesAsString("field")).contains("reason");

        Map<String, Object> nextYear = amendmentOf(v1, "改期");
        nextYear.put("startDate", "2027-01-05");
        nextYear.put("endDate", "2027-01-06");
        JsonNode p2 = json(mvc.perform(put(BASE + "/" + id)
                        .with(gudongStaff())
                        .header("If-Match", ifMatch(v1))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body(nextYear)))
                .andExpect(status().isBadRequest())
                .andReturn());
        assertThat(p2.get("errors").findValuesAsString("field")).contains("endDate");

        JsonNode unchanged =
                json(mvc.perform(get(BASE + "/" + id).with(gudongStaff())).andReturn());
        assertThat(unchanged.get("startDate").asString()).isEqualTo("2026-04-10");
        assertThat(unchanged.get("amendments")).isEmpty();
    }

    private JsonNode amend(String id, JsonNode seen, Map<String, Object> body) throws Exception {
        return json(mvc.perform(put(BASE + "/" + id)
                        .with(gudongStaff())
                        .header("If-Match", ifMatch(seen))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body(body)))
                .andExpect(status().isOk())
                .andReturn());
    }

    private List<EventEnvelope> events(String id, int expected) {
        return KafkaProbe.events(broker, codec, Topics.ACTIVITY, id, expected);
    }

    /** Adds up events the way the read model does: values of the first, then every delta. */
    private void sum(
            List<EventEnvelope> events, Map<String, BigDecimal> metrics, Map<String, BigDecimal> perAssignment) {
        for (EventEnvelope e : events) {
            Map<String, BigDecimal> values;
            List<AssignmentContribution> contributions;
            switch (e.type()) {
                case ActivityRecorded.TYPE -> {
                    ActivityRecorded r = codec.payload(e, ActivityRecorded.class);
                    values = r.metrics();
                    contributions = r.contributions();
                }
                case ActivityAmended.TYPE -> {
                    ActivityAmended a = codec.payload(e, ActivityAmended.class);
                    values = a.delta();
                    contributions = a.contributions();
                }
                default -> {
                    ActivityVoided v = codec.payload(e, ActivityVoided.class);
                    values = v.delta();
                    contributions = v.contributions();
                }
            }
            values.forEach((k, v) -> metrics.merge(k, v, BigDecimal::add));
            contributions.forEach(c -> perAssignment.merge(c.assignmentId(), c.amount(), BigDecimal::add));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> metricsOf(Map<String, Object> body) {
        Map<String, Object> m = new HashMap<>((Map<String, Object>) body.get("metrics"));
        body.put("metrics", m);
        return m;
    }
}
