package cn.fulian.activity.activity;

import static cn.fulian.activity.support.Api.BASE;
import static cn.fulian.activity.support.Api.addLink;
import static cn.fulian.activity.support.Api.body;
import static cn.fulian.activity.support.Api.countTitled;
import static cn.fulian.activity.support.Api.json;
import static cn.fulian.activity.support.Api.training;
import static cn.fulian.starter.test.TestTokens.admin;
import static cn.fulian.starter.test.TestTokens.gudongStaff;
import static cn.fulian.starter.test.TestTokens.gulouStaff;
import static cn.fulian.starter.test.TestTokens.leader;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.fulian.activity.assignment.AssignmentDirectory;
import cn.fulian.activity.support.Api;
import cn.fulian.activity.support.KafkaProbe;
import cn.fulian.activity.support.Planning;
import cn.fulian.events.EventCodec;
import cn.fulian.events.EventEnvelope;
import cn.fulian.events.Topics;
import cn.fulian.events.activity.ActivityRecorded;
import cn.fulian.events.activity.AssignmentContribution;
import cn.fulian.events.planning.IndicatorSource;
import cn.fulian.starter.test.ServiceTest;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

@ServiceTest
class RecordActivityTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    EventCodec codec;

    @Autowired
    AssignmentDirectory assignments;

    Planning planning;
    String trainedWomenTask;
    String gulouAssignment;
    String gudongAssignment;
    String cangshanAssignment;
    String cityAssignment;

    @BeforeEach
    void plan() {
        planning = new Planning(broker, codec, assignments);
        trainedWomenTask = planning.task(2026, "培训妇女6800人", "培训妇女", "人", "COUNT");
        cityAssignment = planning.allocate(trainedWomenTask, 2026, Planning.CITY);
        gulouAssignment = planning.allocate(trainedWomenTask, 2026, Planning.GULOU);
        gudongAssignment = planning.allocate(trainedWomenTask, 2026, Planning.GUDONG);
        cangshanAssignment = planning.allocate(trainedWomenTask, 2026, Planning.CANGSHAN);
        planning.await(cityAssignment, gulouAssignment, gudongAssignment, cangshanAssignment);
    }

    @Test
    void townshipRecordsATrainingCountedTowardItsOwnAssignment() throws Exception {
        String title = "巾帼创业培训班-" + UUID.randomUUID();
        Map<String, Object> activity = training(title, 120, 96);
        addLink(activity, gudongAssignment, "womenParticipants");

        JsonNode created = Api.record(mvc, gudongStaff(), activity);

        assertThat(created.get("unitPath").asString()).isEqualTo(Planning.GUDONG);
        assertThat(created.get("typeName").asString()).isEqualTo("培训班");
        assertThat(created.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(created.get("metrics").get("womenParticipants").asInt()).isEqualTo(96);
        assertThat(created.get("links")).hasSize(1);
        String id = created.get("id").asString();
        JsonNode read = json(mvc.perform(get(BASE + "/" + id).with(gudongStaff()))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(read.get("title").asString()).isEqualTo(title);
        assertThat(read.get("measured").findValuesAsString("label")).contains("参与人次", "其中妇女人次");

        List<EventEnvelope> events = KafkaProbe.events(broker, codec, Topics.ACTIVITY, id, 1);
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo("ActivityRecorded");
            assertThat(e.orgPath()).isEqualTo(Planning.GUDONG);
            ActivityRecorded recorded = codec.payload(e, ActivityRecorded.class);
            assertThat(recorded.metrics().get("participants")).isEqualByComparingTo("120");
            assertThat(recorded.assignmentIds()).containsExactly(gudongAssignment);
            assertThat(recorded.contributions())
                    .extracting(
                            AssignmentContribution::assignmentId,
                            AssignmentContribution::metric,
                            c -> c.amount().intValue())
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(gudongAssignment, "womenParticipants", 96));
        });
    }

    @Test
    void linkingToAnAncestorsAssignmentOfTheSameTaskIsRefusedBecauseTheRollUpAlreadyCarriesIt() throws Exception {
        String title = "重复计入-" + UUID.randomUUID();
        Map<String, Object> a = training(title, 1, 1);
        addLink(a, gudongAssignment, "womenParticipants");
        addLink(a, gulouAssignment, "womenParticipants");
        addLink(a, cityAssignment, "participants");
        JsonNode problem = json(mvc.perform(post(BASE)
                        .with(gudongStaff())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body(a)))
                .andExpect(status().isBadRequest())
                .andReturn());
        assertThat(problem.get("errors").findValuesAsString("field"))
                .containsExactly("links[1].assignmentId", "links[2].assignmentId");
        assertThat(problem.get("errors").findValuesAsString("message"))
                .allSatisfy(m -> assertThat(m).contains("只能计入本单位承担的任务"));
        assertThat(countTitled(mvc, gudongStaff(), title)).isZero();
    }

    @Test
    void theTaskPickerOffersOnlyTheUnitsOwnAssignments() {
        assertThat(assignments.linkable(cn.fulian.starter.scope.OrgPath.of(Planning.GUDONG), 2026))
                .extracting(a -> a.assignmentId())
                .contains(gudongAssignment)
                .doesNotContain(gulouAssignment, cityAssignment, cangshanAssignment);
    }

    @Test
    void aTaskWhoseSourceNamesAMetricTakesOnlyThatMetric() throws Exception {
        String task =
                planning.task(2026, "举办招聘会提供岗位", "提供岗位", "个", "COUNT", IndicatorSource.activity("jobsOffered", null));
        String assignment = planning.allocate(task, 2026, Planning.GUDONG);
        planning.await(assignment);
        Map<String, Object> fair = jobFair("招聘会-" + UUID.randomUUID(), 1, 130, 40);
        addLink(fair, assignment, "jobsPlaced");
        assertRefused(gudongStaff(), fair, (String) fair.get("title"), "links[0].metric", "jobsOffered");

        Map<String, Object> ok = jobFair("招聘会-" + UUID.randomUUID(), 1, 130, 40);
        addLink(ok, assignment, "jobsOffered");
        JsonNode created = Api.record(mvc, gudongStaff(), ok);
        assertThat(created.get("links").get(0).get("metric").asString()).isEqualTo("jobsOffered");
    }

    @Test
    void aTaskFedByRightsCasesTakesNoActivity() throws Exception {
        String task =
                planning.task(2026, "信访处结率达98%以上", "信访处结率", "%", "RATE", IndicatorSource.rights("CLOSURE_RATE", null));
        String assignment = planning.allocate(task, 2026, Planning.GUDONG);
        planning.await(assignment);
        Map<String, Object> a = training("比率培训-" + UUID.randomUUID(), 80, 60);
        Map<String, Object> link = new LinkedHashMap<>(Api.link(assignment, "womenParticipants"));
        link.put("denominatorMetric", "participants");
        a.put("links", List.of(link));
        assertRefused(gudongStaff(), a, (String) a.get("title"), "links[0].assignmentId", "维权案件统计");
        assertThat(assignments.linkable(cn.fulian.starter.scope.OrgPath.of(Planning.GUDONG), 2026))
                .extracting(x -> x.assignmentId())
                .doesNotContain(assignment);
    }

    private static Map<String, Object> jobFair(String title, int sessions, int offered, int placed) {
        Map<String, Object> a = training(title, 1, 1);
        a.put("type", "JOB_FAIR");
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sessions", sessions);
        m.put("jobsOffered", offered);
        m.put("jobsPlaced", placed);
        a.put("metrics", m);
        return a;
    }

    @Test
    void negativeMetricIsRefusedNamingTheMetric() throws Exception {
        refused(a -> metrics(a).put("participants", -5), "metrics.participants", "不能为负数");
    }

    @Test
    void nonNumericMetricIsRefusedNamingTheMetric() throws Exception {
        refused(a -> metrics(a).put("participants", "一百二十"), "metrics.participants", "取值无效");
    }

    @Test
    void fractionalHeadcountIsRefused() throws Exception {
        refused(a -> metrics(a).put("participants", new BigDecimal("12.5")), "metrics.participants", "须为整数");
    }

    @Test
    void moreWomenThanParticipantsIsRefused() throws Exception {
        refused(a -> metrics(a).put("womenParticipants", 130), "metrics.womenParticipants", "不能大于参与人次");
    }

    @Test
    void missingRequiredMetricAndMetricOfAnotherTypeAreRefused() throws Exception {
        refused(
                a -> {
                    metrics(a).remove("sessions");
                    metrics(a).put("loanAmount", 10);
                },
                "metrics.sessions",
                "不能为空");
        refused(a -> metrics(a).put("loanAmount", 10), "metrics.loanAmount", "没有指标");
    }

    @Test
    void endBeforeStartIsRefused() throws Exception {
        refused(a -> a.put("endDate", "2026-04-01"), "endDate", "不能早于开始日期");
    }

    @Test
    void workAcrossNewYearCountsInTheYearItEnds() throws Exception {
        Map<String, Object> a = training("跨年培训-" + UUID.randomUUID(), 30, 30);
        a.put("startDate", "2025-12-30");
        a.put("endDate", "2026-01-02");
        addLink(a, gudongAssignment, "womenParticipants");
        JsonNode created = Api.record(mvc, gudongStaff(), a);
        assertThat(created.get("year").asInt()).isEqualTo(2026);
    }

    @Test
    void anActivityOfAPastYearCityStaffHaveNotOpenedIsRefusedNamingItsEndDate() throws Exception {
        String task = planning.task(2019, "2019年培训", "培训妇女", "人", "COUNT");
        String assignment = planning.allocate(task, 2019, Planning.GUDONG);
        planning.await(assignment);
        String title = "往年培训-" + UUID.randomUUID();
        Map<String, Object> a = training(title, 30, 30);
        a.put("year", 2019);
        a.put("startDate", "2019-05-01");
        a.put("endDate", "2019-05-02");
        addLink(a, assignment, "womenParticipants");
        assertRefused(gudongStaff(), a, title, "endDate", "2019年度未开放补录");
    }

    @Test
    void anActivityEndingInAnotherYearIsRefused() throws Exception {
        refused(
                a -> {
                    a.put("startDate", "2026-12-30");
                    a.put("endDate", "2027-01-02");
                },
                "endDate",
                "活动计入结束日期所在年度");
    }

    @Test
    void unknownTypeAndMissingTitleAreBothReported() throws Exception {
        String title = "空标题-" + UUID.randomUUID();
        Map<String, Object> a = training(title, 10, 5);
        a.put("type", "TELEPORTATION");
        a.put("title", " ");
        JsonNode problem = json(mvc.perform(post(BASE)
                        .with(gudongStaff())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body(a)))
                .andExpect(status().isBadRequest())
                .andReturn());
        assertThat(problem.get("errors").findValuesAsString("field")).contains("type", "title");
    }

    @Test
    void linkingToASiblingsAssignmentIsRefused() throws Exception {
        refused(a -> addLink(a, cangshanAssignment, "womenParticipants"), "links[0].assignmentId", "未分配给本单位");
    }

    @Test
    void linkingToAChildsAssignmentIsRefused() throws Exception {
        String title = "区级培训-" + UUID.randomUUID();
        Map<String, Object> a = training(title, 50, 40);
        addLink(a, gudongAssignment, "womenParticipants");
        assertRefused(gulouStaff(), a, title, "links[0].assignmentId", "未分配给本单位");
    }

    @Test
    void linkingToAnUnknownOrCancelledTaskIsRefused() throws Exception {
        refused(a -> addLink(a, "asg-does-not-exist", "womenParticipants"), "links[0].assignmentId", "不存在");

        String task = planning.task(2026, "已取消的任务", "培训妇女", "人", "COUNT");
        String assignment = planning.allocate(task, 2026, Planning.GUDONG);
        planning.await(assignment);
        planning.cancelTask(task);
        planning.awaitCancelled(assignment);
        refused(a -> addLink(a, assignment, "womenParticipants"), "links[0].assignmentId", "已取消");
    }

    @Test
    void linkingToAnotherYearsTaskIsRefused() throws Exception {
        String task = planning.task(2025, "2025年培训", "培训妇女", "人", "COUNT");
        String assignment = planning.allocate(task, 2025, Planning.GUDONG);
        planning.await(assignment);
        refused(a -> addLink(a, assignment, "womenParticipants"), "links[0].assignmentId", "2025年度");
    }

    @Test
    void aMetricThatCannotFeedTheIndicatorIsRefused() throws Exception {
        refused(a -> addLink(a, gudongAssignment, "sessions"), "links[0].metric", "不能计入指标");
        refused(a -> addLink(a, gudongAssignment, "loanAmount"), "links[0].metric", "没有指标");
    }

    @Test
    void aRateIndicatorTakesANumeratorAndADenominator() throws Exception {
        String task = planning.task(2026, "参训妇女占培训总数≥50%", "参训妇女占比", "%", "RATE");
        String assignment = planning.allocate(task, 2026, Planning.GUDONG);
        planning.await(assignment);
        refused(a -> addLink(a, assignment, "womenParticipants"), "links[0].denominatorMetric", "比率");

        Map<String, Object> ok = training("比率培训-" + UUID.randomUUID(), 80, 60);
        Map<String, Object> link = new LinkedHashMap<>(Api.link(assignment, "womenParticipants"));
        link.put("denominatorMetric", "participants");
        ok.put("links", List.of(link));
        JsonNode created = Api.record(mvc, gudongStaff(), ok);
        assertThat(created.get("links").get(0).get("denominatorMetric").asString())
                .isEqualTo("participants");
    }

    @Test
    void leadersAndAdminsDoNotRecordActivities() throws Exception {
        String title = "领导录入-" + UUID.randomUUID();
        for (var token : List.of(leader(), admin())) {
            mvc.perform(post(BASE)
                            .with(token)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(body(training(title, 10, 5))))
                    .andExpect(status().isForbidden());
        }
        assertThat(countTitled(mvc, leader(), title)).isZero();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> metrics(Map<String, Object> a) {
        return (Map<String, Object>) a.get("metrics");
    }

    private void refused(Consumer<Map<String, Object>> change, String field, String messagePart) throws Exception {
        String title = "错误录入-" + UUID.randomUUID();
        Map<String, Object> a = training(title, 120, 96);
        change.accept(a);
        assertRefused(gudongStaff(), a, title, field, messagePart);
    }

    private void assertRefused(
            org.springframework.test.web.servlet.request.RequestPostProcessor token,
            Map<String, Object> a,
            String title,
            String field,
            String messagePart)
            throws Exception {
        JsonNode problem = json(mvc.perform(post(BASE)
                        .with(token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body(a)))
                .andExpect(status().isBadRequest())
                .andReturn());
        assertThat(problem.get("errors").findValuesAsString("field")).contains(field);
        JsonNode error = null;
        for (JsonNode e : problem.get("errors")) {
            if (e.get("field").asString().equals(field)) {
                error = e;
            }
        }
        assertThat(error.get("message").asString()).contains(messagePart);
        assertThat(error.get("messageEn").asString()).isNotBlank();
        assertThat(countTitled(mvc, gulouStaff(), title)).isZero();
    }
}
