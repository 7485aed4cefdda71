package cn.fulian.reporting.dashboard;

import static cn.fulian.reporting.support.Scenario.rateToward;
import static cn.fulian.reporting.support.Scenario.toward;
import static cn.fulian.reporting.support.Units.CANGQIAN;
import static cn.fulian.reporting.support.Units.CANGSHAN;
import static cn.fulian.reporting.support.Units.CITY;
import static cn.fulian.reporting.support.Units.GUDONG;
import static cn.fulian.reporting.support.Units.GULOU;
import static cn.fulian.reporting.support.Units.GUXI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.fulian.events.EventCodec;
import cn.fulian.events.rights.CaseClosed;
import cn.fulian.events.rights.CaseFollowedUp;
import cn.fulian.events.rights.CaseOverdue;
import cn.fulian.events.rights.CaseRegistered;
import cn.fulian.events.rights.CaseReopened;
import cn.fulian.events.rights.CaseTransferred;
import cn.fulian.reporting.readmodel.ReadModel;
import cn.fulian.reporting.readmodel.RebuildService;
import cn.fulian.reporting.support.Dashboards;
import cn.fulian.reporting.support.EventBus;
import cn.fulian.reporting.support.MutableClock;
import cn.fulian.reporting.support.Redelivery;
import cn.fulian.reporting.support.ReportingTest;
import cn.fulian.reporting.support.Scenario;
import cn.fulian.reporting.support.Units;
import cn.fulian.starter.consumer.ExactConsumer;
import cn.fulian.starter.outbox.OutboxRelay;
import cn.fulian.starter.test.Eventually;
import cn.fulian.starter.test.TestTokens;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/**
 * A small plan year driven through the real broker and the API: plan, allocations, activities with amendments and
 * voids, cases, reports with a return and approvals. Every dashboard figure at city, district and township level is
 * checked against figures this test computes itself; then every event is redelivered, duplicates are injected, the
 * consumer is restarted mid-stream and the read model is rebuilt from zero, and the dashboards stay byte-for-byte the
 * same.
 */
@ReportingTest
class LiveDashboardAcceptanceTest {

    static final int YEAR = 2031;
    static final LocalDate START = LocalDate.of(YEAR, 2, 1); // the plan's publication day (Beijing)
    static final LocalDate TODAY = LocalDate.of(YEAR, 6, 30);
    static final String TRAIN = "t31-train";
    static final String LOAN = "t31-loan";
    static final String RATE = "t31-rate";
    static final String VILLAGE = "t31-village";
    static final String DROPPED = "t31-dropped";
    static final List<String> UNITS = List.of(CITY, GULOU, CANGSHAN, GUDONG, GUXI, CANGQIAN);

    @Autowired
    MockMvc mvc;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    EventCodec codec;

    @Autowired
    MutableClock clock;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    OutboxRelay relay;

    @Autowired
    RebuildService rebuilds;

    /** What the test expects, computed from the inputs it publishes. */
    final Map<String, String> kinds = new HashMap<>();

    final Map<String, LocalDate> taskDue = new HashMap<>();
    final Map<String, BigDecimal> targets = new HashMap<>(); // task|unit
    final Map<String, LocalDate> dueOverride = new HashMap<>();
    final Map<String, BigDecimal> num = new HashMap<>(); // task|unit, rolled up
    final Map<String, BigDecimal> den = new HashMap<>();
    final Map<String, BigDecimal> reported = new HashMap<>();
    final Map<String, BigDecimal> approved = new HashMap<>();
    final Map<String, Object[]> cases = new LinkedHashMap<>(); // id -> {unit, category, closed, onTime, overdue}
    final Map<String, int[]> followUps = new HashMap<>(); // unit of case -> {count, sum, satisfied}

    @Test
    void everyFigureMatchesAnIndependentComputationAndSurvivesRedeliveryDuplicatesRestartAndRebuild() throws Exception {
        try (EventBus bus = new EventBus(broker, codec)) {
            Units.register(bus);
            driveTheYear(bus);
            awaitQuiet(bus);

            clock.set(LocalDateTime.of(TODAY, java.time.LocalTime.of(10, 0)));
            for (String unit : UNITS) {
                checkDashboard(unit, dashboard(unit));
            }
            Map<String, String> before = dashboards();

            redeliverEverythingWithoutMarkers(bus);
            assertThat(dashboards()).as("after redelivering every event").isEqualTo(before);

            injectDuplicates(bus);
            assertThat(dashboards()).as("after duplicates").isEqualTo(before);

            restartTheConsumerMidStream(bus);
            assertThat(dashboards()).as("after a restart mid-stream").isEqualTo(before);

            mvc.perform(post("/api/reports/admin/rebuild").with(TestTokens.admin()))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.failed").value(0));
            awaitQuiet(bus);
            assertThat(dashboards()).as("after a rebuild from zero").isEqualTo(before);

            // a read model written before the children's figures were kept on their parents' documents: the
            // dashboards read the children's own documents instead, and show the same
            Document shape = mongo.findOne(new Query(), Document.class, ReadModel.SHAPE);
            assertThat(shape)
                    .as("a read model rebuilt from zero keeps its children's figures")
                    .isNotNull();
            mongo.dropCollection(ReadModel.SHAPE);
            assertThat(dashboards())
                    .as("read from the children's own documents")
                    .isEqualTo(before);
            mongo.save(shape, ReadModel.SHAPE);

            mvc.perform(post("/api/reports/admin/rebuild").with(TestTokens.cityStaff()))
                    .andExpect(status().isForbidden());
        }
    }

    // ---------------------------------------------------------------- the year

    private void driveTheYear(EventBus bus) throws Exception {
        Scenario s = new Scenario(bus, YEAR);
        s.plan("plan-31", "2031年福州市妇联工作要点", 5);
        task(s, TRAIN, "服务妇女发展", "举办培训班100期", "培训班", "期", "COUNT", "100", LocalDate.of(YEAR, 12, 31));
        task(s, LOAN, "服务妇女创业就业", "发放贴息贷款5000万元", "贴息贷款", "万元", "AMOUNT", "5000", LocalDate.of(YEAR, 10, 31));
        task(s, RATE, "服务妇女发展", "参训妇女占培训总数50%以上", "参训妇女占比", "%", "RATE", "50", LocalDate.of(YEAR, 12, 31));
        task(s, VILLAGE, "服务乡村振兴", "新建巾帼示范村10个", "巾帼示范村", "个", "COUNT", "10", LocalDate.of(YEAR, 5, 31));
        task(s, DROPPED, "服务乡村振兴", "已取消的任务", "取消", "个", "COUNT", "10", LocalDate.of(YEAR, 12, 31));

        // an activity linked to an assignment whose allocation has not been published yet: it must wait, not vanish
        activity(s, "a8", CANGQIAN, TRAIN, CANGQIAN, "20");

        allocate(s, TRAIN, CITY, "100");
        allocate(s, TRAIN, GULOU, "60");
        allocate(s, TRAIN, CANGSHAN, "40");
        allocate(s, TRAIN, GUDONG, "20");
        allocate(s, TRAIN, GUDONG, "30"); // a re-allocation sets the target, it does not add
        allocate(s, TRAIN, GUXI, "30");
        allocate(s, TRAIN, CANGQIAN, "40");
        allocate(s, LOAN, CITY, "5000");
        allocate(s, LOAN, GULOU, "3000");
        allocate(s, LOAN, CANGSHAN, "2000");
        allocate(s, LOAN, GUDONG, "1500");
        allocate(s, LOAN, GUXI, "1500");
        allocate(s, RATE, CITY, "50");
        allocate(s, RATE, GULOU, "50");
        allocate(s, RATE, CANGSHAN, "50");
        allocate(s, VILLAGE, CITY, "10");
        allocate(s, VILLAGE, GULOU, "6");
        allocate(s, VILLAGE, CANGSHAN, "4");
        allocate(s, DROPPED, CITY, "10");
        allocate(s, DROPPED, GULOU, "10");
        s.cancelTask(DROPPED);
        s.acknowledge(TRAIN, GULOU, Instant.parse("2031-02-10T02:00:00Z"));
        s.extend(LOAN, GUXI, LocalDate.of(YEAR, 10, 31), LocalDate.of(YEAR, 11, 30));
        dueOverride.put(LOAN + "|" + GUXI, LocalDate.of(YEAR, 11, 30));

        s.recorded("a1", GUDONG, toward(TRAIN, GUDONG, "12"), rateToward(RATE, GULOU, "80", "120"));
        add(TRAIN, GUDONG, "12", null);
        add(RATE, GUDONG, "80", "120");
        activity(s, "a2", GUXI, TRAIN, GUXI, "7");
        activity(s, "a3", GULOU, TRAIN, GULOU, "5");
        activity(s, "a4", CANGQIAN, LOAN, CANGSHAN, "900.5");
        activity(s, "a5", GUDONG, LOAN, GUDONG, "700.25");
        s.amended("a5", GUDONG, toward(LOAN, GUDONG, "-100.25"));
        add(LOAN, GUDONG, "-100.25", null);
        activity(s, "a6", GUXI, TRAIN, GUXI, "9");
        s.voided("a6", GUXI, toward(TRAIN, GUXI, "-9"));
        add(TRAIN, GUXI, "-9", null);
        s.recorded("a7", CANGQIAN, rateToward(RATE, CANGSHAN, "30", "100"));
        add(RATE, CANGQIAN, "30", "100");
        s.amended("a1", GUDONG, toward(TRAIN, GUDONG, "3"));
        add(TRAIN, GUDONG, "3", null);
        activity(s, "a9", GULOU, VILLAGE, GULOU, "6");
        activity(s, "a10", GULOU, DROPPED, GULOU, "4");

        // cases: ids, unit, category; closures, a transfer, a reopening, follow-ups, an overdue
        register(bus, "c1", GUDONG, "DOMESTIC_VIOLENCE");
        register(bus, "c2", GUDONG, "DOMESTIC_VIOLENCE");
        register(bus, "c3", GUDONG, "DOMESTIC_VIOLENCE");
        register(bus, "c4", GUDONG, "MARRIAGE_FAMILY");
        register(bus, "c5", GUDONG, "MARRIAGE_FAMILY");
        register(bus, "c6", GULOU, "DOMESTIC_VIOLENCE");
        for (int i = 7; i <= 12; i++) {
            register(bus, "c" + i, CANGQIAN, "DOMESTIC_VIOLENCE");
        }
        close(bus, "c1", true);
        close(bus, "c2", true);
        close(bus, "c4", false);
        followUp(bus, "c1", 5);
        followUp(bus, "c2", 3);
        overdue(bus, "c3");
        bus.publish(
                new CaseTransferred("c6", GULOU, GUXI, "DOMESTIC_VIOLENCE", at(3, 1), "VISIT", "DOWN"),
                GULOU,
                "c6",
                at(3, 1));
        cases.get("c6")[0] = GUXI;
        close(bus, "c6", true);
        bus.publish(
                new CaseReopened("c6", GUXI, "DOMESTIC_VIOLENCE", at(3, 20), "VISIT", LocalDate.of(YEAR, 4, 20)),
                GUXI,
                "c6",
                at(3, 20));
        cases.get("c6")[2] = false;
        cases.get("c6")[3] = false;
        cases.get("c6")[5] = 1;
        close(bus, "c6", false);
        for (int i = 7; i <= 10; i++) {
            close(bus, "c" + i, true);
        }
        bus.awaitCaughtUp(EventBus.readModelTopics());

        reports();
    }

    /** Reports through the API: submit, a correction without and with an explanation, a return, approvals. */
    private void reports() throws Exception {
        clock.set(LocalDateTime.of(YEAR, 4, 3, 10, 0));
        String gudongTrain = Scenario.assignmentId(TRAIN, GUDONG);
        mvc.perform(get("/api/reports/progress-reports/form")
                        .param("assignmentId", gudongTrain)
                        .param("period", "2031-Q1")
                        .with(TestTokens.gudongStaff()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.liveFigure").value(15))
                .andExpect(jsonPath("$.dueDate").value("2031-04-05"));
        String gudongReport = submit(TestTokens.gudongStaff(), gudongTrain, "15", null);
        reported.put(TRAIN + "|" + GUDONG, new BigDecimal("15"));

        JwtRequestPostProcessor guxi = TestTokens.user("guxi-staff", GUXI, "township");
        String guxiTrain = Scenario.assignmentId(TRAIN, GUXI);
        mvc.perform(post("/api/reports/progress-reports")
                        .with(guxi)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"assignmentId\":\"" + guxiTrain + "\",\"period\":\"2031-Q1\",\"value\":10}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("correctionExplanation"));
        String guxiReport = submit(guxi, guxiTrain, "10", "另有3期培训在街道台账中");
        mvc.perform(post("/api/reports/progress-reports/" + guxiReport + "/return")
                        .with(TestTokens.gulouStaff())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"台账与系统不一致,请核实\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("RETURNED"));
        // only the direct parent reviews: not the unit itself, not the city above the parent
        mvc.perform(post("/api/reports/progress-reports/" + gudongReport + "/approve")
                        .with(TestTokens.gudongStaff()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/reports/progress-reports/" + gudongReport + "/approve")
                        .with(TestTokens.cityStaff()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/reports/progress-reports/" + gudongReport + "/approve")
                        .with(TestTokens.cangshanStaff()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/reports/progress-reports/" + gudongReport + "/return")
                        .with(TestTokens.gulouStaff())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\" \"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        approve(TestTokens.gulouStaff(), gudongReport);
        approved.put(TRAIN + "|" + GUDONG, new BigDecimal("15"));
        // approval locks: no second review, no resubmission
        mvc.perform(post("/api/reports/progress-reports/" + gudongReport + "/return")
                        .with(TestTokens.gulouStaff())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"再核实\"}"))
                .andExpect(status().isConflict());
        mvc.perform(post("/api/reports/progress-reports")
                        .with(TestTokens.gudongStaff())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"assignmentId\":\"" + gudongTrain + "\",\"period\":\"2031-Q1\",\"value\":15}"))
                .andExpect(status().isConflict());

        clock.set(LocalDateTime.of(YEAR, 4, 8, 10, 0));
        submit(guxi, guxiTrain, "8", "核实后为8期");
        // the resubmission keeps the returned one in its history, and the report stays on time
        mvc.perform(get("/api/reports/progress-reports/" + guxiReport).with(guxi))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.submissions.length()").value(2))
                .andExpect(jsonPath("$.submissions[0].outcome").value("RETURNED"))
                .andExpect(jsonPath("$.submissions[0].returnReason").value("台账与系统不一致,请核实"))
                .andExpect(jsonPath("$.submissions[1].value").value(8))
                .andExpect(jsonPath("$.onTime").value(true));
        // 催报: the city's owed list names the township that has not reported (仓前) and not those that did
        mvc.perform(get("/api/reports/progress-reports/owed")
                        .param("year", "2031")
                        .param("period", "2031-Q1")
                        .param("unit", GUDONG)
                        .with(TestTokens.cityStaff()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].taskId").value(LOAN))
                .andExpect(jsonPath("$.items[0].overdue").value(true))
                .andExpect(jsonPath("$.items[0].unitName").value("鼓东街道"))
                .andExpect(jsonPath("$.items[0].taskTitle").value("发放贴息贷款5000万元"))
                .andExpect(jsonPath("$.items[0].periodLabel").value("2031年第一季度"));
        // 本单位待报: without the subtree only the district's own rows, never its townships' that look the same
        mvc.perform(get("/api/reports/progress-reports/owed")
                        .param("year", "2031")
                        .param("period", "2031-Q1")
                        .param("unit", GULOU)
                        .param("subtree", "false")
                        .with(TestTokens.gulouStaff()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.unitPath != '" + GULOU + "')]").isEmpty())
                .andExpect(jsonPath("$.items[?(@.taskId == '" + TRAIN + "')].unitName")
                        .value("鼓楼区"));
        mvc.perform(get("/api/reports/progress-reports/owed")
                        .param("year", "2031")
                        .param("unit", GUDONG)
                        .param("state", "RETURNED")
                        .with(TestTokens.gudongStaff()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/reports/progress-reports/owed")
                        .param("year", "2031")
                        .param("unit", GUDONG)
                        .param("state", "LATE")
                        .with(TestTokens.gudongStaff()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("state"));
        // 本单位已报 names the task of each report
        mvc.perform(get("/api/reports/progress-reports")
                        .param("unit", GUXI)
                        .param("subtree", "false")
                        .with(guxi))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].taskTitle").value("举办培训班100期"))
                .andExpect(jsonPath("$.items[0].periodLabel").value("2031年第一季度"));
        approve(TestTokens.gulouStaff(), guxiReport);
        reported.put(TRAIN + "|" + GUXI, new BigDecimal("8"));
        approved.put(TRAIN + "|" + GUXI, new BigDecimal("8"));

        String gulouReport = submit(TestTokens.gulouStaff(), Scenario.assignmentId(TRAIN, GULOU), "27", null);
        approve(TestTokens.cityStaff(), gulouReport);
        reported.put(TRAIN + "|" + GULOU, new BigDecimal("27"));
        approved.put(TRAIN + "|" + GULOU, new BigDecimal("27"));

        submit(TestTokens.cangshanStaff(), Scenario.assignmentId(LOAN, CANGSHAN), "900.5", null);
        reported.put(LOAN + "|" + CANGSHAN, new BigDecimal("900.5"));
    }

    private String submit(JwtRequestPostProcessor who, String assignmentId, String value, String explanation)
            throws Exception {
        String body = "{\"assignmentId\":\"" + assignmentId + "\",\"period\":\"2031-Q1\",\"value\":" + value
                + (explanation == null ? "" : ",\"correctionExplanation\":\"" + explanation + "\"") + "}";
        String json = mvc.perform(post("/api/reports/progress-reports")
                        .with(who)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SUBMITTED"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        return codec.mapper().readTree(json).get("id").asString();
    }

    private void approve(JwtRequestPostProcessor who, String reportId) throws Exception {
        mvc.perform(post("/api/reports/progress-reports/" + reportId + "/approve")
                        .with(who))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVED"))
                .andExpect(jsonPath("$.locked").value(true));
    }

    // ---------------------------------------------------------------- the independent computation

    private void task(
            Scenario s,
            String id,
            String area,
            String title,
            String name,
            String unit,
            String kind,
            String target,
            LocalDate due) {
        s.task("plan-31", id, area, title, name, unit, kind, target, due);
        kinds.put(id, kind);
        taskDue.put(id, due);
    }

    private void allocate(Scenario s, String taskId, String unit, String target) {
        s.allocate(taskId, unit, target, taskDue.get(taskId));
        targets.put(taskId + "|" + unit, new BigDecimal(target));
    }

    private void activity(Scenario s, String id, String unit, String taskId, String assignedUnit, String amount) {
        s.recorded(id, unit, toward(taskId, assignedUnit, amount));
        add(taskId, unit, amount, null);
    }

    /** Adds an activity's amount to its unit and every ancestor. */
    private void add(String taskId, String unit, String amount, String denominator) {
        String path = null;
        for (String code : unit.split("/")) {
            path = path == null ? code : path + "/" + code;
            num.merge(taskId + "|" + path, new BigDecimal(amount), BigDecimal::add);
            if (denominator != null) {
                den.merge(taskId + "|" + path, new BigDecimal(denominator), BigDecimal::add);
            }
        }
    }

    private static Instant at(int month, int day) {
        return LocalDate.of(YEAR, month, day)
                .atTime(10, 0)
                .atZone(MutableClock.ZONE)
                .toInstant();
    }

    private void register(EventBus bus, String id, String unit, String category) {
        bus.publish(
                new CaseRegistered(
                        id,
                        unit,
                        "VISIT",
                        category,
                        false,
                        at(3, 1),
                        LocalDate.of(YEAR, 3, 16),
                        LocalDate.of(YEAR, 4, 1),
                        false),
                unit,
                id,
                at(3, 1));
        cases.put(id, new Object[] {unit, category, false, false, 0, 0});
    }

    private void close(EventBus bus, String id, boolean onTime) {
        Object[] c = cases.get(id);
        bus.publish(
                new CaseClosed(
                        id,
                        (String) c[0],
                        (String) c[1],
                        at(3, 25),
                        onTime,
                        "RESOLVED",
                        "VISIT",
                        LocalDate.of(YEAR, 4, 1)),
                (String) c[0],
                id,
                at(3, 25));
        c[2] = true;
        c[3] = onTime;
    }

    private void followUp(EventBus bus, String id, int satisfaction) {
        Object[] c = cases.get(id);
        bus.publish(
                new CaseFollowedUp(id, (String) c[0], at(4, 2), satisfaction, (String) c[1], "VISIT"),
                (String) c[0],
                id,
                at(4, 2));
        int[] f = followUps.computeIfAbsent((String) c[0], k -> new int[3]);
        f[0]++;
        f[1] += satisfaction;
        f[2] += satisfaction >= 4 ? 1 : 0;
    }

    private void overdue(EventBus bus, String id) {
        Object[] c = cases.get(id);
        bus.publish(
                new CaseOverdue(
                        id, (String) c[0], "CONCLUDE", LocalDate.of(YEAR, 4, 1), at(4, 2), (String) c[1], "VISIT"),
                (String) c[0],
                id,
                at(4, 2));
        c[4] = 1;
    }

    // ---------------------------------------------------------------- the checks

    private void checkDashboard(String unit, JsonNode d) throws Exception {
        assertThat(d.get("unit").get("path").asString()).isEqualTo(unit);
        List<String> expectedTasks = new ArrayList<>();
        for (String t : List.of(TRAIN, LOAN, RATE, VILLAGE)) {
            if (targets.containsKey(t + "|" + unit) || num.containsKey(t + "|" + unit)) {
                expectedTasks.add(t);
            }
        }
        List<String> shown = new ArrayList<>();
        d.get("tasks").forEach(r -> shown.add(r.get("taskId").asString()));
        assertThat(shown).as("tasks of " + unit).containsExactlyInAnyOrderElementsOf(expectedTasks);
        d.get("tasks").forEach(row -> checkRow(unit, row));

        // drill-down: each direct child's rows and score, and the ranking among them
        Map<String, BigDecimal> scores = new TreeMap<>();
        for (JsonNode child : d.get("children")) {
            String childPath = child.get("unit").get("path").asString();
            Dashboards.childRows(mvc, codec, child, YEAR).forEach(row -> checkRow(childPath, row));
            BigDecimal score = score(childPath);
            assertDecimal(child.get("score"), score, "score of " + childPath);
            if (score != null) {
                scores.put(childPath, score);
            }
        }
        List<String> children = UNITS.stream()
                .filter(u -> u.startsWith(unit + "/") && u.split("/").length == unit.split("/").length + 1)
                .toList();
        assertThat(d.get("children")).hasSize(children.size());
        List<String> ranking = new ArrayList<>();
        d.get("rankings").forEach(r -> ranking.add(r.get("unit").get("path").asString()));
        assertThat(ranking)
                .as("ranking under " + unit)
                .containsExactlyElementsOf(scores.entrySet().stream()
                        .sorted(Map.Entry.<String, BigDecimal>comparingByValue().reversed())
                        .map(Map.Entry::getKey)
                        .toList());

        checkRights(unit, d.get("rights"));
        for (JsonNode r : d.get("childRights")) {
            checkRights(r.get("unit").get("path").asString(), r);
        }
        checkCompleteness(unit, d.get("reporting"));
    }

    private void checkRow(String unit, JsonNode row) {
        String task = row.get("taskId").asString();
        String key = task + "|" + unit;
        String kind = kinds.get(task);
        BigDecimal target = targets.get(key);
        BigDecimal n = num.getOrDefault(key, BigDecimal.ZERO);
        BigDecimal actual = "RATE".equals(kind)
                ? (den.containsKey(key)
                        ? n.multiply(BigDecimal.valueOf(100)).divide(den.get(key), 1, RoundingMode.HALF_UP)
                        : null)
                : n;
        String what = task + " at " + unit;
        assertDecimal(row.get("target"), target, "target of " + what);
        assertDecimal(row.get("actual"), actual, "actual of " + what);
        assertDecimal(row.get("reported"), reported.get(key), "reported of " + what);
        assertDecimal(row.get("approved"), approved.get(key), "approved of " + what);
        BigDecimal completion = target == null || actual == null
                ? null
                : actual.multiply(BigDecimal.valueOf(100)).divide(target, 1, RoundingMode.HALF_UP);
        assertDecimal(row.get("completionPercent"), completion, "completion of " + what);

        LocalDate due = dueOverride.getOrDefault(key, taskDue.get(task));
        long total = ChronoUnit.DAYS.between(START, due);
        long elapsed = ChronoUnit.DAYS.between(START, TODAY);
        boolean pastDue = TODAY.isAfter(due);
        String status;
        if (target == null) {
            status = "GREEN";
        } else if ("RATE".equals(kind)) {
            status = actual == null
                    ? "YELLOW"
                    : actual.compareTo(target) >= 0
                            ? "GREEN"
                            : pastDue
                                    ? "OVERDUE"
                                    : target.subtract(actual).compareTo(BigDecimal.valueOf(5)) <= 0 ? "YELLOW" : "RED";
            assertDecimal(row.get("projected"), actual, "projected of " + what);
        } else {
            double expected = pastDue ? target.doubleValue() : target.doubleValue() * elapsed / total;
            double projected = pastDue ? actual.doubleValue() : actual.doubleValue() * total / elapsed;
            assertThat(row.get("expectedByNow").asDouble())
                    .as("expected of " + what)
                    .isCloseTo(expected, within(0.011));
            assertThat(row.get("projected").asDouble())
                    .as("projected of " + what)
                    .isCloseTo(projected, within(0.011));
            double a = actual.doubleValue();
            status = a >= target.doubleValue()
                    ? "GREEN"
                    : pastDue ? "OVERDUE" : a >= expected ? "GREEN" : a >= 0.8 * expected ? "YELLOW" : "RED";
        }
        assertThat(row.get("paceStatus").asString()).as("pace of " + what).isEqualTo(status);
    }

    /** Mean completion of the unit's tasks with a target, each at most 100. */
    private BigDecimal score(String unit) {
        BigDecimal sum = BigDecimal.ZERO;
        int n = 0;
        for (String t : List.of(TRAIN, LOAN, RATE, VILLAGE)) {
            BigDecimal target = targets.get(t + "|" + unit);
            if (target == null) {
                continue;
            }
            BigDecimal a = num.getOrDefault(t + "|" + unit, BigDecimal.ZERO);
            if ("RATE".equals(kinds.get(t))) {
                if (!den.containsKey(t + "|" + unit)) {
                    continue;
                }
                a = a.multiply(BigDecimal.valueOf(100)).divide(den.get(t + "|" + unit), 1, RoundingMode.HALF_UP);
            }
            sum = sum.add(a.multiply(BigDecimal.valueOf(100))
                    .divide(target, 1, RoundingMode.HALF_UP)
                    .min(BigDecimal.valueOf(100)));
            n++;
        }
        return n == 0 ? null : sum.divide(BigDecimal.valueOf(n), 1, RoundingMode.HALF_UP);
    }

    private void checkRights(String unit, JsonNode r) {
        long received = 0, closed = 0, onTime = 0, overdue = 0, reopened = 0;
        Map<String, long[]> byCategory = new TreeMap<>();
        for (Object[] c : cases.values()) {
            String u = (String) c[0];
            if (!(u.equals(unit) || u.startsWith(unit + "/"))) {
                continue;
            }
            received++;
            closed += (boolean) c[2] ? 1 : 0;
            onTime += (boolean) c[3] ? 1 : 0;
            overdue += (int) c[4];
            reopened += (int) c[5];
            long[] cat = byCategory.computeIfAbsent((String) c[1], k -> new long[2]);
            cat[0]++;
            cat[1] += (boolean) c[2] ? 1 : 0;
        }
        int[] f = new int[3];
        followUps.forEach((u, v) -> {
            if (u.equals(unit) || u.startsWith(unit + "/")) {
                f[0] += v[0];
                f[1] += v[1];
                f[2] += v[2];
            }
        });
        String what = "rights of " + unit;
        assertThat(r.get("received").asLong()).as(what).isEqualTo(received);
        assertThat(r.get("closed").asLong()).as(what).isEqualTo(closed);
        assertThat(r.get("closedOnTime").asLong()).as(what).isEqualTo(onTime);
        assertThat(r.get("overdue").asLong()).as(what).isEqualTo(overdue);
        assertThat(r.get("reopened").asLong()).as(what).isEqualTo(reopened);
        assertThat(r.get("followUps").asLong()).as(what).isEqualTo(f[0]);
        assertDecimal(r.get("closureRate"), received == 0 ? null : pct(closed, received), "closure rate " + what);
        assertDecimal(
                r.get("satisfaction"),
                f[0] == 0 ? null : BigDecimal.valueOf(f[1]).divide(BigDecimal.valueOf(f[0]), 2, RoundingMode.HALF_UP),
                "satisfaction " + what);
        Map<String, JsonNode> shown = new TreeMap<>();
        r.get("categories").forEach(c -> shown.put(c.get("category").asString(), c));
        assertThat(shown.keySet()).as(what).isEqualTo(byCategory.keySet());
        byCategory.forEach((category, counts) -> {
            JsonNode c = shown.get(category);
            boolean suppress = category.equals("DOMESTIC_VIOLENCE") && unit.split("/").length >= 3 && counts[0] < 5;
            assertThat(c.get("suppressed").asBoolean())
                    .as("suppression of " + category + " " + what)
                    .isEqualTo(suppress);
            if (suppress) {
                assertThat(c.get("received").isNull()).isTrue();
            } else {
                assertThat(c.get("received").asLong()).isEqualTo(counts[0]);
                assertThat(c.get("closed").asLong()).isEqualTo(counts[1]);
            }
        });
    }

    private void checkCompleteness(String unit, JsonNode periods) {
        long expected = targets.keySet().stream()
                .filter(k -> !k.startsWith(DROPPED + "|"))
                .map(k -> k.substring(k.indexOf('|') + 1))
                .filter(u -> !u.equals(CITY) && (u.equals(unit) || u.startsWith(unit + "/")))
                .count();
        List<String> ids = new ArrayList<>();
        periods.forEach(p -> ids.add(p.get("period").asString()));
        assertThat(ids).containsExactly("2031-Q1", "2031-Q2");
        JsonNode q1 = periods.get(0);
        long submitted =
                reported.keySet().stream().filter(k -> inSubtree(k, unit)).count();
        long approvedCount =
                approved.keySet().stream().filter(k -> inSubtree(k, unit)).count();
        long onTime = List.of(TRAIN + "|" + GUDONG, TRAIN + "|" + GUXI).stream()
                .filter(k -> inSubtree(k, unit))
                .count();
        assertThat(q1.get("expected").asLong()).as("expected reports " + unit).isEqualTo(expected);
        assertThat(q1.get("submitted").asLong()).as("submitted " + unit).isEqualTo(submitted);
        assertThat(q1.get("approved").asLong()).as("approved " + unit).isEqualTo(approvedCount);
        assertThat(q1.get("onTime").asLong()).as("on time " + unit).isEqualTo(onTime);
        assertThat(periods.get(1).get("submitted").asLong()).isZero();
    }

    private static boolean inSubtree(String key, String unit) {
        String u = key.substring(key.indexOf('|') + 1);
        return u.equals(unit) || u.startsWith(unit + "/");
    }

    private static BigDecimal pct(long a, long b) {
        return BigDecimal.valueOf(a * 100).divide(BigDecimal.valueOf(b), 1, RoundingMode.HALF_UP);
    }

    private static void assertDecimal(JsonNode node, BigDecimal expected, String what) {
        if (expected == null) {
            assertThat(node == null || node.isNull())
                    .as(what + " should be empty but is " + node)
                    .isTrue();
        } else {
            assertThat(node).as(what).isNotNull();
            assertThat(node.decimalValue()).as(what).isEqualByComparingTo(expected);
        }
    }

    // ---------------------------------------------------------------- the faults

    private JsonNode dashboard(String unit) throws Exception {
        return Dashboards.leaderView(mvc, codec, unit, YEAR);
    }

    private Map<String, String> dashboards() throws Exception {
        Map<String, String> out = new TreeMap<>();
        for (String unit : UNITS) {
            out.put(unit, dashboard(unit).toString());
        }
        return out;
    }

    private void awaitQuiet(EventBus bus) {
        Eventually.within(Duration.ofSeconds(30), "outbox drained", () -> relay.pendingCount() == 0);
        bus.awaitCaughtUp(EventBus.readModelTopics());
    }

    private void redeliverEverythingWithoutMarkers(EventBus bus) {
        Redelivery.everythingWithoutMarkers(bus, rebuilds, mongo);
        awaitQuiet(bus);
    }

    /** Publishes every event again under new offsets, as a producer retry would: the same event ids. */
    private void injectDuplicates(EventBus bus) {
        List<ConsumerRecord<String, String>> all = bus.readAll(EventBus.readModelTopics(), r -> true);
        assertThat(all).hasSizeGreaterThan(60);
        for (ConsumerRecord<String, String> r : all) {
            bus.send(r.topic(), r.key(), r.value());
        }
        awaitQuiet(bus);
    }

    /**
     * Replays from zero again and stops the listener while it is part-way through (tried again if the replay was too
     * quick to catch in the middle), then starts it again.
     */
    private void restartTheConsumerMidStream(EventBus bus) {
        boolean caughtMidway = false;
        for (int attempt = 0; attempt < 5 && !caughtMidway; attempt++) {
            rebuilds.liveListener().stop();
            mongo.remove(Query.query(Criteria.where("topic").in(EventBus.readModelTopics())), ExactConsumer.PROCESSED);
            bus.rewindReadModelGroup(EventBus.readModelTopics());
            long total = bus.lag(EventBus.readModelTopics());
            rebuilds.liveListener().start();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (bus.lag(EventBus.readModelTopics()) >= total && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            rebuilds.liveListener().stop();
            caughtMidway = bus.lag(EventBus.readModelTopics()) > 0;
        }
        assertThat(caughtMidway)
                .as("the listener was stopped with records left to read")
                .isTrue();
        rebuilds.liveListener().start();
        awaitQuiet(bus);
    }
}
