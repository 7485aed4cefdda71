package cn.fulian.reporting.snapshot;

import static cn.fulian.reporting.support.Scenario.toward;
import static cn.fulian.reporting.support.Units.CANGQIAN;
import static cn.fulian.reporting.support.Units.CANGSHAN;
import static cn.fulian.reporting.support.Units.CITY;
import static cn.fulian.reporting.support.Units.GUDONG;
import static cn.fulian.reporting.support.Units.GULOU;
import static cn.fulian.reporting.support.Units.GUXI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.fulian.events.EventCodec;
import cn.fulian.events.rights.CaseRegistered;
import cn.fulian.reporting.support.Dashboards;
import cn.fulian.reporting.support.EventBus;
import cn.fulian.reporting.support.MutableClock;
import cn.fulian.reporting.support.ReportingTest;
import cn.fulian.reporting.support.Scenario;
import cn.fulian.reporting.support.Units;
import cn.fulian.starter.outbox.OutboxRelay;
import cn.fulian.starter.test.Eventually;
import cn.fulian.starter.test.TestTokens;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A small plan year (2035, quarterly, due 5 days after each quarter) driven through the broker and the API. At the
 * first-quarter deadline the dashboards are frozen; later activities and reports change the live dashboard but not
 * what {@code asOf=2035-Q1} answers, which stays equal to the live dashboard seen just before the deadline and to the
 * figures this test adds up itself — through a second check, a half-taken snapshot of another instance, a late
 * snapshot, a missed one, and a rebuild of the read model.
 */
@ReportingTest
class DeadlineSnapshotTest {

    static final int YEAR = 2035;
    static final String TRAIN = "t35-train";
    static final List<String> UNITS = List.of(CITY, GULOU, CANGSHAN, GUDONG, GUXI, CANGQIAN);
    /** A unit only the crashed attempt wrote: not in the registry, no figures. */
    static final String GONE = "350100/350199";

    @Autowired
    MockMvc mvc;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    EventCodec codec;

    @Autowired
    MutableClock clock;

    @Autowired
    OutboxRelay relay;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    SnapshotService snapshots;

    Instant clockBefore;

    @BeforeEach
    void rememberClock() {
        clockBefore = clock.instant();
    }

    @AfterEach
    void restoreClock() {
        clock.set(LocalDateTime.ofInstant(clockBefore, MutableClock.ZONE));
    }

    @Test
    void asOfAPastDeadlineAnswersTheFiguresExactlyAsTheyStoodThen() throws Exception {
        try (EventBus bus = new EventBus(broker, codec)) {
            Units.register(bus);
            Scenario s = new Scenario(bus, YEAR);
            // the first quarter: 10 classes at 鼓东街道, 8 at 仓山区; one case at 鼓楼区; 鼓东's Q1 report approved
            firstQuarter(bus, s);

            // just before the deadline (end of 5 April): nothing to freeze yet, and asOf is refused
            clock.set(LocalDateTime.of(YEAR, 4, 5, 23, 59, 30));
            assertThat(snapshots.takeDue(YEAR)).isEmpty();
            mvc.perform(asOf(CITY, "2035-Q1").with(TestTokens.leader()))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("asOf"));
            Map<String, ObjectNode> atDeadline = new TreeMap<>();
            for (String unit : UNITS) {
                atDeadline.put(unit, live(unit));
            }

            // 40 seconds after the deadline the check freezes every unit's dashboard, once
            LocalDateTime justAfter = LocalDateTime.of(YEAR, 4, 6, 0, 0, 40);
            clock.set(justAfter);
            assertThat(snapshots.takeDue(YEAR)).containsExactly("2035-Q1");
            assertThat(snapshots.takeDue(YEAR))
                    .as("a second check takes nothing")
                    .isEmpty();
            Instant takenAt = justAfter.atZone(MutableClock.ZONE).toInstant();

            Map<String, String> frozenQ1 = new TreeMap<>();
            for (String unit : UNITS) {
                ObjectNode frozen = frozen(unit, "2035-Q1", TestTokens.leader());
                frozenQ1.put(unit, frozen.toString());
                JsonNode snapshot = frozen.remove("snapshot");
                assertThat(snapshot.get("period").asString()).isEqualTo("2035-Q1");
                assertThat(snapshot.get("dueDate").asString()).isEqualTo("2035-04-05");
                assertThat(Instant.parse(snapshot.get("takenAt").asString())).isEqualTo(takenAt);
                assertThat(snapshot.get("late").asBoolean()).isFalse();
                assertThat(snapshot.get("units").asInt()).isGreaterThanOrEqualTo(UNITS.size());
                assertThat(Instant.parse(frozen.remove("asOf").asString())).isEqualTo(takenAt);
                ObjectNode before = atDeadline.get(unit).deepCopy();
                before.remove("asOf");
                assertThat(frozen).as("frozen dashboard of " + unit).isEqualTo(before);
            }
            checkFirstQuarterFigures(
                    frozen(CITY, "2035-Q1", TestTokens.leader()),
                    frozen(GULOU, "2035-Q1", TestTokens.leader()),
                    frozen(GUDONG, "2035-Q1", TestTokens.leader()));

            // the year goes on: 5 more classes at 鼓东, 7 at 仓山; 仓山区 reports Q1 late
            laterActivities(bus, s);

            JsonNode city = live(CITY);
            assertThat(train(city).get("actual").decimalValue()).isEqualByComparingTo("30");
            assertThat(city.get("reporting").get(0).get("submitted").asLong()).isEqualTo(2);
            for (String unit : UNITS) {
                assertThat(frozen(unit, "2035-Q1", TestTokens.leader()).toString())
                        .as("asOf Q1 of " + unit + " after later events")
                        .isEqualTo(frozenQ1.get(unit));
            }
            checkFirstQuarterFigures(
                    frozen(CITY, "2035-Q1", TestTokens.leader()),
                    frozen(GULOU, "2035-Q1", TestTokens.leader()),
                    frozen(GUDONG, "2035-Q1", TestTokens.leader()));

            scopeAndBadRequests();
            anotherInstancesHalfTakenSnapshotIsNeverServedAndIsRetakenWhenItsClaimLapses();
            aLateSnapshotSaysSoAndAMissedOneIsNotFound();

            // the Excel export of the frozen dashboard holds the deadline's figures
            byte[] xlsx = mvc.perform(get("/api/reports/exports/dashboard.xlsx")
                            .param("unit", CITY)
                            .param("asOf", "2035-Q1")
                            .with(TestTokens.leader()))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsByteArray();
            try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
                Sheet tasks = book.getSheet("任务完成情况");
                Row header = tasks.getRow(0);
                int actualColumn = -1;
                for (int i = 0; i < header.getLastCellNum(); i++) {
                    if ("实际完成".equals(header.getCell(i).getStringCellValue())) {
                        actualColumn = i;
                    }
                }
                assertThat(tasks.getRow(1).getCell(actualColumn).getNumericCellValue())
                        .isEqualTo(18.0);
            }

            // a rebuild of the read model drops rm_* collections, not the snapshots
            long stored = mongo.count(Query.query(Criteria.where("year").is(YEAR)), SnapshotService.SNAPSHOTS);
            mvc.perform(post("/api/reports/admin/rebuild").with(TestTokens.admin()))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.failed").value(0));
            awaitQuiet(bus);
            assertThat(mongo.count(Query.query(Criteria.where("year").is(YEAR)), SnapshotService.SNAPSHOTS))
                    .isEqualTo(stored);
            for (String unit : UNITS) {
                assertThat(frozen(unit, "2035-Q1", TestTokens.leader()).toString())
                        .as("asOf Q1 of " + unit + " after a rebuild")
                        .isEqualTo(frozenQ1.get(unit));
            }
            assertThat(train(live(CITY)).get("actual").decimalValue()).isEqualByComparingTo("30");
        }
    }

    // ---------------------------------------------------------------- the year

    private void firstQuarter(EventBus bus, Scenario s) throws Exception {
        s.plan("plan-35", "2035年福州市妇联工作要点", 1);
        LocalDate yearEnd = LocalDate.of(YEAR, 12, 31);
        s.task("plan-35", TRAIN, "服务妇女发展", "举办各类培训班100期", "培训班", "期", "COUNT", "100", yearEnd);
        s.allocate(TRAIN, CITY, "100", yearEnd);
        s.allocate(TRAIN, GULOU, "60", yearEnd);
        s.allocate(TRAIN, CANGSHAN, "40", yearEnd);
        s.allocate(TRAIN, GUDONG, "30", yearEnd);
        s.recorded("s35-1", GUDONG, toward(TRAIN, GUDONG, "10"));
        s.recorded("s35-2", CANGSHAN, toward(TRAIN, CANGSHAN, "8"));
        Instant march = Instant.parse("2035-03-01T02:00:00Z");
        bus.publish(
                new CaseRegistered(
                        "s35-k1",
                        GULOU,
                        "VISIT",
                        "MARRIAGE_FAMILY",
                        false,
                        march,
                        LocalDate.of(YEAR, 3, 16),
                        LocalDate.of(YEAR, 4, 1),
                        false),
                GULOU,
                "s35-k1",
                march);
        bus.awaitCaughtUp(EventBus.readModelTopics());

        clock.set(LocalDateTime.of(YEAR, 4, 3, 10, 0));
        String report = submit(TestTokens.gudongStaff(), GUDONG, "10");
        mvc.perform(post("/api/reports/progress-reports/" + report + "/approve").with(TestTokens.gulouStaff()))
                .andExpect(status().isOk());
        awaitQuiet(bus);
    }

    private void laterActivities(EventBus bus, Scenario s) throws Exception {
        clock.set(LocalDateTime.of(YEAR, 4, 20, 10, 0));
        s.recorded("s35-3", GUDONG, toward(TRAIN, GUDONG, "5"));
        s.recorded("s35-4", CANGSHAN, toward(TRAIN, CANGSHAN, "7"));
        bus.awaitCaughtUp(EventBus.readModelTopics());
        submit(TestTokens.cangshanStaff(), CANGSHAN, "15");
        awaitQuiet(bus);
    }

    /** The first quarter's figures, added up here: 10 + 8 classes, one case, one report of three owed, approved. */
    private static void checkFirstQuarterFigures(JsonNode city, JsonNode gulou, JsonNode gudong) {
        assertThat(city.get("today").asString()).isEqualTo("2035-04-05");
        assertThat(train(city).get("target").decimalValue()).isEqualByComparingTo("100");
        assertThat(train(city).get("actual").decimalValue()).isEqualByComparingTo("18");
        assertThat(train(gulou).get("actual").decimalValue()).isEqualByComparingTo("10");
        assertThat(gulou.get("children").get(0).get("unit").get("path").asString())
                .isEqualTo(GUDONG);
        assertThat(gudong.get("unit").get("path").asString()).isEqualTo(GUDONG);
        assertThat(gudong.get("tasks").get(0).get("approved").decimalValue()).isEqualByComparingTo("10");
        assertThat(gudong.get("tasks").get(0).get("approvedPeriod").asString()).isEqualTo("2035-Q1");
        assertThat(city.get("rights").get("received").asLong()).isEqualTo(1);
        JsonNode q1 = city.get("reporting").get(0);
        assertThat(q1.get("period").asString()).isEqualTo("2035-Q1");
        assertThat(q1.get("expected").asLong()).isEqualTo(3);
        assertThat(q1.get("submitted").asLong()).isEqualTo(1);
        assertThat(q1.get("approved").asLong()).isEqualTo(1);
        assertThat(q1.get("onTime").asLong()).isEqualTo(1);
    }

    private void scopeAndBadRequests() throws Exception {
        // a unit outside the caller's subtree: 404, as for the live dashboard
        mvc.perform(asOf(GULOU, "2035-Q1").with(TestTokens.cangshanStaff())).andExpect(status().isNotFound());
        // the caller's own unit by default
        mvc.perform(get("/api/reports/dashboard").param("asOf", "2035-Q1").with(TestTokens.gudongStaff()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.unit.path").value(GUDONG))
                .andExpect(jsonPath("$.tasks[0].actual").value(10))
                .andExpect(jsonPath("$.snapshot.period").value("2035-Q1"));
        for (String bad : new String[] {"Q1", "", "2035-M03", "2035-Q2"}) {
            mvc.perform(asOf(CITY, bad).with(TestTokens.leader()))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("asOf"));
        }
        mvc.perform(asOf(CITY, "2035-Q1").param("year", "2034").with(TestTokens.leader()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("asOf"));
    }

    /**
     * Another instance claimed Q2 and stopped after one unit: while its claim holds, nothing is served or retaken;
     * once it lapses, the next check takes Q2 again from the start and only the new units are served.
     */
    private void anotherInstancesHalfTakenSnapshotIsNeverServedAndIsRetakenWhenItsClaimLapses() throws Exception {
        LocalDateTime afterQ2 = LocalDateTime.of(YEAR, 7, 6, 0, 1);
        clock.set(afterQ2);
        Instant now = clock.instant();
        mongo.insert(
                new Document("_id", YEAR + "|2035-Q2")
                        .append("year", YEAR)
                        .append("period", "2035-Q2")
                        .append("dueDate", "2035-07-05")
                        .append("deadline", Date.from(now.minusSeconds(60)))
                        .append("status", "TAKING")
                        .append("attempt", "crashed")
                        .append("takenAt", Date.from(now))
                        .append("leaseUntil", Date.from(now.plus(Duration.ofMinutes(10)))),
                SnapshotService.RUNS);
        for (String unit : new String[] {CITY, GONE}) {
            mongo.insert(
                    new Document("_id", YEAR + "|2035-Q2|" + unit)
                            .append("year", YEAR)
                            .append("period", "2035-Q2")
                            .append("unitPath", unit)
                            .append("attempt", "crashed")
                            .append("view", "{\"half\":true}"),
                    SnapshotService.SNAPSHOTS);
        }

        assertThat(snapshots.takeDue(YEAR)).as("claimed by another instance").isEmpty();
        mvc.perform(asOf(CITY, "2035-Q2").with(TestTokens.leader())).andExpect(status().isNotFound());
        mvc.perform(get("/api/reports/dashboard/snapshots")
                        .param("year", String.valueOf(YEAR))
                        .with(TestTokens.leader()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[1].period").value("2035-Q2"))
                .andExpect(jsonPath("$[1].status").value("TAKING"));

        clock.set(afterQ2.plusMinutes(11));
        assertThat(snapshots.takeDue(YEAR)).containsExactly("2035-Q2");
        JsonNode q2 = frozen(CITY, "2035-Q2", TestTokens.leader());
        assertThat(train(q2).get("actual").decimalValue()).isEqualByComparingTo("30");
        assertThat(q2.get("snapshot").get("late").asBoolean()).isFalse();
        assertThat(mongo.count(Query.query(Criteria.where("attempt").is("crashed")), SnapshotService.SNAPSHOTS))
                .isZero();
        mvc.perform(asOf(GONE, "2035-Q2").with(TestTokens.leader())).andExpect(status().isNotFound());
    }

    /**
     * Q3 is frozen a day and a half after its deadline, by one of two instances checking at once, and says it is late;
     * Q4's deadline passed unseen and has none.
     */
    private void aLateSnapshotSaysSoAndAMissedOneIsNotFound() throws Exception {
        clock.set(LocalDateTime.of(YEAR, 10, 7, 12, 0));
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            List<Future<List<String>>> checks =
                    two.invokeAll(List.of(() -> snapshots.takeDue(YEAR), () -> snapshots.takeDue(YEAR)));
            List<String> taken = new ArrayList<>();
            for (Future<List<String>> check : checks) {
                taken.addAll(check.get());
            }
            assertThat(taken).as("taken by exactly one instance").containsExactly("2035-Q3");
        } finally {
            two.shutdown();
        }
        assertThat(mongo.findById(YEAR + "|2035-Q3", Document.class, SnapshotService.RUNS)
                        .getInteger("attempts"))
                .isEqualTo(1);
        JsonNode q3 = frozen(CITY, "2035-Q3", TestTokens.leader());
        assertThat(q3.get("today").asString()).isEqualTo("2035-10-05");
        assertThat(q3.get("snapshot").get("late").asBoolean()).isTrue();
        assertThat(q3.get("snapshot").get("takenAt").asString()).isEqualTo("2035-10-07T04:00:00Z");

        clock.set(LocalDateTime.of(YEAR + 1, 3, 1, 10, 0));
        assertThat(snapshots.takeDue(YEAR))
                .as("too long after the deadline to be honest")
                .isEmpty();
        mvc.perform(asOf(CITY, "2035-Q4").with(TestTokens.leader()))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value(containsString("没有保存看板快照")));
        mvc.perform(get("/api/reports/dashboard/snapshots")
                        .param("year", String.valueOf(YEAR))
                        .with(TestTokens.cityStaff()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(4))
                .andExpect(jsonPath("$[0].status").value("COMPLETE"))
                .andExpect(jsonPath("$[0].late").value(false))
                .andExpect(jsonPath("$[0].deadline").value("2035-04-05T16:00:00Z"))
                .andExpect(jsonPath("$[1].status").value("COMPLETE"))
                .andExpect(jsonPath("$[2].late").value(true))
                .andExpect(jsonPath("$[3].period").value("2035-Q4"))
                .andExpect(jsonPath("$[3].status").value("MISSING"));
    }

    // ---------------------------------------------------------------- helpers

    private String submit(RequestPostProcessor who, String unit, String value) throws Exception {
        String json = mvc.perform(post("/api/reports/progress-reports")
                        .with(who)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"assignmentId\":\"" + Scenario.assignmentId(TRAIN, unit)
                                + "\",\"period\":\"2035-Q1\",\"value\":" + value + "}"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return codec.mapper().readTree(json).get("id").asString();
    }

    private static MockHttpServletRequestBuilder asOf(String unit, String period) {
        return get("/api/reports/dashboard").param("unit", unit).param("asOf", period);
    }

    private ObjectNode frozen(String unit, String period, RequestPostProcessor who) throws Exception {
        return read(mvc.perform(asOf(unit, period).with(who))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    }

    private ObjectNode live(String unit) throws Exception {
        return (ObjectNode) Dashboards.leaderView(mvc, codec, unit, YEAR);
    }

    private ObjectNode read(String json) {
        return (ObjectNode) codec.mapper().readTree(json);
    }

    private static JsonNode train(JsonNode dashboard) {
        for (JsonNode row : dashboard.get("tasks")) {
            if (TRAIN.equals(row.get("taskId").asString())) {
                return row;
            }
        }
        throw new AssertionError("no " + TRAIN + " row in " + dashboard);
    }

    private void awaitQuiet(EventBus bus) {
        Eventually.within(Duration.ofSeconds(30), "outbox drained", () -> relay.pendingCount() == 0);
        bus.awaitCaughtUp(EventBus.readModelTopics());
    }
}
