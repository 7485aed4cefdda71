package cn.fulian.system.cycle;

import static cn.fulian.system.PlatformApi.GATEWAY;
import static cn.fulian.system.PlatformApi.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import cn.fulian.system.FreeYear;
import cn.fulian.system.PlatformApi;
import cn.fulian.system.PlatformApi.Answer;
import cn.fulian.system.SharedPlatform;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * A whole annual work cycle through the gateway with tokens from Keycloak: the city imports, publishes and allocates
 * its plan to 鼓楼区 and 仓山区, the districts acknowledge and pass their targets on to townships, units record
 * activities (one amended, one voided) and report progress (one report returned with a reason and resubmitted), the
 * parents approve, a rights desk registers and closes cases. The test keeps its own account of everything it wrote and
 * then requires every figure of the city's, the districts' and a township's dashboard to equal that account.
 *
 * <p>The plan year is a past year no plan uses yet, so reruns on the same platform state never collide and every
 * deadline has passed: pace lights, expected values and projections are then fixed by the rules, not by today's date.
 * Rights cases count in the year they are registered (this year), so their figures are checked as changes against the
 * dashboard before the cases.
 */
@ExtendWith(SharedPlatform.class)
@TestMethodOrder(OrderAnnotation.class)
class AnnualCycleTest {

    static final String CITY = "350100";
    static final String GULOU = "350100/350102";
    static final String CANGSHAN = "350100/350104";
    static final String GUDONG = "350100/350102/350102001";
    static final String GUXI = "350100/350102/350102002";
    static final String CANGQIAN = "350100/350104/350104001";
    static final String DONGSHENG = "350100/350104/350104002";

    /** Work figures take a moment to travel planning → activity/reporting over Kafka; allow a busy machine. */
    static final Duration SETTLE = Duration.ofSeconds(90);

    static final PlatformApi api = new PlatformApi();
    static final GroundTruth truth = new GroundTruth();

    static int year;
    static String planId;
    /** Task id by the test's own key: TRAIN (COUNT 人次), LOAN (AMOUNT 万元), SHARE (RATE %). */
    static final Map<String, String> taskIds = new LinkedHashMap<>();

    static final Map<String, String> activityIds = new LinkedHashMap<>();
    static final Map<String, String> reportIds = new LinkedHashMap<>();

    static int rightsYear;
    static Map<String, JsonNode> rightsBefore;

    @BeforeAll
    static void pickAFreshYear() {
        year = FreeYear.pick(api, api.token("city-staff"));
    }

    @Test
    @Order(1)
    void cityStaffImportTheYearsPlanFromAFileAndPublishIt() {
        String city = api.token("city-staff");
        String yaml = """
                year: %1$d
                title: %1$d年福州市妇联工作要点(系统测试)
                overallRequirements: 坚持以习近平新时代中国特色社会主义思想为指导,服务妇女发展。
                workAreas: [服务妇女创业就业, 维护妇女儿童权益]
                tasks:
                  - workArea: 服务妇女创业就业
                    title: 培训城乡妇女1000人次
                    leadDepartment: 发展部
                    dueDate: "%1$d-11-30"
                    indicator: { name: 培训妇女人次, unit: 人次, kind: COUNT, direction: AT_LEAST, target: 1000 }
                  - workArea: 服务妇女创业就业
                    title: 发放妇女创业担保贴息贷款500万元
                    leadDepartment: 发展部
                    dueDate: "%1$d-12-20"
                    indicator: { name: 贴息贷款金额, unit: 万元, kind: AMOUNT, direction: AT_LEAST, target: 500 }
                  - workArea: 服务妇女创业就业
                    title: 参训妇女占培训总人次50%%以上
                    dueDate: "%1$d-12-31"
                    indicator: { name: 参训妇女占比, unit: "%%", kind: RATE, target: 50,
                                 numeratorName: 参训妇女人次, denominatorName: 参训总人次 }
                """.formatted(year);

        Answer created = api.postText(GATEWAY + "/api/planning/plans/import", city, "application/yaml", yaml)
                .expect(201);
        planId = created.json().path("id").asString();
        assertThat(created.json().path("status").asString()).isEqualTo("DRAFT");
        JsonNode tasks = created.json().path("tasks");
        assertThat(tasks.size()).isEqualTo(3);
        taskIds.put("TRAIN", tasks.get(0).path("id").asString());
        taskIds.put("LOAN", tasks.get(1).path("id").asString());
        taskIds.put("SHARE", tasks.get(2).path("id").asString());
        truth.task("TRAIN", "COUNT", LocalDate.of(year, 11, 30));
        truth.task("LOAN", "AMOUNT", LocalDate.of(year, 12, 20));
        truth.task("SHARE", "RATE", LocalDate.of(year, 12, 31));

        Answer published = api.post(GATEWAY + "/api/planning/plans/" + planId + "/publish", city, null)
                .expect(200);
        assertThat(published.json().path("status").asString()).isEqualTo("PUBLISHED");
        assertThat(published.json().path("statusLabel").asString()).isEqualTo("已发布");
        truth.assign("TRAIN", CITY, "1000", true);
        truth.assign("LOAN", CITY, "500", true);
        truth.assign("SHARE", CITY, "50", true);

        Answer again = api.post(GATEWAY + "/api/planning/plans/" + planId + "/publish", city, null);
        assertThat(again.status()).as("publishing twice: %s", again.body()).isEqualTo(409);
    }

    @Test
    @Order(2)
    void cityAllocatesEveryTaskToGulouAndCangshanAndRefusesASplitBelowTheTarget() {
        String city = api.token("city-staff");

        Answer tooLittle = allocate(city, "TRAIN", CITY, Map.of("350102", "500", "350104", "400"));
        assertThat(tooLittle.status()).isEqualTo(400);
        assertThat(tooLittle.body()).contains("还差100");

        allocate(city, "TRAIN", CITY, Map.of("350102", "600", "350104", "400")).expect(200);
        allocate(city, "LOAN", CITY, Map.of("350102", "300", "350104", "200")).expect(200);
        // a rate is passed down: 鼓楼 sets a stricter 60 %, 仓山 inherits the city's 50 %
        Map<String, String> share = new LinkedHashMap<>();
        share.put("350102", "60");
        share.put("350104", null);
        allocate(city, "SHARE", CITY, share).expect(200);
        truth.assign("TRAIN", GULOU, "600", false);
        truth.assign("TRAIN", CANGSHAN, "400", false);
        truth.assign("LOAN", GULOU, "300", false);
        truth.assign("LOAN", CANGSHAN, "200", false);
        truth.assign("SHARE", GULOU, "60", false);
        truth.assign("SHARE", CANGSHAN, "50", false);

        JsonNode cangshanShare = api.get(
                        GATEWAY + "/api/planning/assignments/" + truth.assignmentId("SHARE", CANGSHAN),
                        api.token("cangshan-staff"))
                .expect(200)
                .json();
        assertThat(cangshanShare.path("target").decimalValue()).isEqualByComparingTo("50");
        assertThat(cangshanShare.path("status").asString()).isEqualTo("ASSIGNED");
        assertThat(cangshanShare.path("statusLabel").asString()).isEqualTo("待签收");
    }

    @Test
    @Order(3)
    void districtsAcknowledgeThenPassTargetsToTownshipsAndMayReallocateOnlyUntilTheTownshipAcknowledges()
            throws Exception {
        String gulou = api.token("gulou-staff");
        String cangshan = api.token("cangshan-staff");

        Answer beforeAck = allocate(gulou, "TRAIN", GULOU, Map.of("350102001", "300", "350102002", "300"));
        assertThat(beforeAck.status())
                .as("allocating before acknowledging: %s", beforeAck.body())
                .isEqualTo(409);

        for (String task : List.of("TRAIN", "LOAN", "SHARE")) {
            acknowledge(gulou, task, GULOU);
            acknowledge(cangshan, task, CANGSHAN);
        }

        allocate(gulou, "TRAIN", GULOU, Map.of("350102001", "300", "350102002", "300"))
                .expect(200);
        // re-allocation before the townships acknowledge changes their targets
        allocate(gulou, "TRAIN", GULOU, Map.of("350102001", "350", "350102002", "250"))
                .expect(200);
        allocate(gulou, "LOAN", GULOU, Map.of("350102001", "200", "350102002", "100"))
                .expect(200);
        Map<String, String> inherit = new LinkedHashMap<>();
        inherit.put("350102001", null);
        allocate(gulou, "SHARE", GULOU, inherit).expect(200);
        allocate(cangshan, "TRAIN", CANGSHAN, Map.of("350104001", "250", "350104002", "150"))
                .expect(200);
        truth.assign("TRAIN", GUDONG, "350", false);
        truth.assign("TRAIN", GUXI, "250", false);
        truth.assign("LOAN", GUDONG, "200", false);
        truth.assign("LOAN", GUXI, "100", false);
        truth.assign("SHARE", GUDONG, "60", false);
        truth.assign("TRAIN", CANGQIAN, "250", false);
        truth.assign("TRAIN", DONGSHENG, "150", false);

        String gudong = api.token("gudong-staff");
        eventually(SETTLE, () -> {
            JsonNode mine = api.get(GATEWAY + "/api/planning/assignments?year=" + year, gudong)
                    .expect(200)
                    .json();
            Map<String, BigDecimal> targets = new TreeMap<>();
            mine.path("items")
                    .forEach(a -> targets.put(
                            a.path("id").asString(), a.path("target").decimalValue()));
            assertThat(targets)
                    .as("鼓东街道's assignments of %d", year)
                    .containsOnlyKeys(
                            truth.assignmentId("TRAIN", GUDONG),
                            truth.assignmentId("LOAN", GUDONG),
                            truth.assignmentId("SHARE", GUDONG));
            assertThat(targets.get(truth.assignmentId("TRAIN", GUDONG))).isEqualByComparingTo("350");
            assertThat(targets.get(truth.assignmentId("SHARE", GUDONG))).isEqualByComparingTo("60");
        });
        for (String task : List.of("TRAIN", "LOAN", "SHARE")) {
            acknowledge(gudong, task, GUDONG);
        }

        Answer afterAck = allocate(gulou, "TRAIN", GULOU, Map.of("350102001", "300", "350102002", "300"));
        assertThat(afterAck.status())
                .as("re-allocating to a township that acknowledged: %s", afterAck.body())
                .isEqualTo(409);

        JsonNode children = api.get(
                        GATEWAY + "/api/planning/assignments/" + truth.assignmentId("TRAIN", GULOU) + "/children",
                        gulou)
                .expect(200)
                .json();
        Map<String, String> statusByUnit = new TreeMap<>();
        children.forEach(c ->
                statusByUnit.put(c.path("unitPath").asString(), c.path("status").asString()));
        assertThat(statusByUnit).isEqualTo(Map.of(GUDONG, "ACKNOWLEDGED", GUXI, "ASSIGNED"));
    }

    @Test
    @Order(4)
    void townshipsAndDistrictsRecordActivitiesAgainstTheirAssignmentsOneAmendedOneVoided() throws Exception {
        String gudong = api.token("gudong-staff");
        String gulou = api.token("gulou-staff");
        String cangshan = api.token("cangshan-staff");

        record("gudong-training", gudong, GUDONG, training("鼓东街道“双学双比”培训班", 2, 200, 150, GUDONG));
        record("gudong-loan", gudong, GUDONG, loan("鼓东街道创业贴息贷款发放", "85.5", GUDONG));
        record("gulou-training", gulou, GULOU, training("鼓楼区巾帼创业培训班", 1, 100, 40, GULOU));
        record("gulou-loan", gulou, GULOU, loan("鼓楼区贴息贷款(重复录入)", "50", GULOU));
        record("cangshan-training", cangshan, CANGSHAN, training("仓山区家政技能培训班", 3, 300, 280, CANGSHAN));
        record("cangshan-loan", cangshan, CANGSHAN, loan("仓山区创业贴息贷款", "210", CANGSHAN));

        // 鼓东 corrects its loan amount: the amendment replaces the figure, it does not add to it
        String loanId = activityIds.get("gudong-loan");
        JsonNode current = api.get(GATEWAY + "/api/activities/" + loanId, gudong)
                .expect(200)
                .json();
        Map<String, Object> amend = loan("鼓东街道创业贴息贷款发放", "120.25", GUDONG);
        amend.remove("type");
        amend.remove("year");
        amend.put("reason", "补录三户贷款");
        JsonNode amended = api.put(
                        GATEWAY + "/api/activities/" + loanId,
                        gudong,
                        amend,
                        "\"" + current.path("version").asLong() + "\"")
                .expect(200)
                .json();
        assertThat(amended.path("metrics").path("loanAmount").decimalValue()).isEqualByComparingTo("120.25");
        truth.contribute("gudong-loan", GUDONG, "LOAN", "120.25", null);

        // 鼓楼 voids a duplicate entry: its amount leaves every figure
        String duplicate = activityIds.get("gulou-loan");
        long version = api.get(GATEWAY + "/api/activities/" + duplicate, gulou)
                .expect(200)
                .json()
                .path("version")
                .asLong();
        JsonNode voided = api.post(
                        GATEWAY + "/api/activities/" + duplicate + "/void",
                        gulou,
                        Map.of("reason", "重复录入"),
                        "\"" + version + "\"")
                .expect(200)
                .json();
        assertThat(voided.path("status").asString()).isEqualTo("VOIDED");
        truth.voidActivity("gulou-loan");

        Answer stale = api.post(
                GATEWAY + "/api/activities/" + duplicate + "/void",
                gulou,
                Map.of("reason", "再次作废"),
                "\"" + voided.path("version").asLong() + "\"");
        assertThat(stale.status())
                .as("voiding a voided activity: %s", stale.body())
                .isEqualTo(409);
    }

    @Test
    @Order(5)
    void reportsAreSubmittedOneReturnedWithAReasonResubmittedAndTheParentsApprove() throws Exception {
        String gudong = api.token("gudong-staff");
        String gulou = api.token("gulou-staff");
        String cangshan = api.token("cangshan-staff");
        String city = api.token("city-staff");
        String q4 = year + "-Q4";
        String q3 = year + "-Q3";

        submit("gudong-train", gudong, "TRAIN", GUDONG, q4, "150");
        submit("gudong-loan", gudong, "LOAN", GUDONG, q4, "120.25");
        submit("gulou-train", gulou, "TRAIN", GULOU, q4, "190");
        submit("gulou-loan-q3", gulou, "LOAN", GULOU, q3, "100");
        submit("cangshan-train", cangshan, "TRAIN", CANGSHAN, q4, "300");

        Answer byGrandparent = api.post(report("gudong-train") + "/approve", city, null);
        assertThat(byGrandparent.status())
                .as("the city approving a township's report: %s", byGrandparent.body())
                .isEqualTo(403);

        approve("gudong-train", gulou);
        giveBack("gudong-loan", gulou, "贷款金额与台账不一致,请核实后重新报送");
        Answer withoutReason = api.post(report("cangshan-train") + "/return", city, Map.of());
        assertThat(withoutReason.status()).isEqualTo(400);
        giveBack("cangshan-train", city, "填报数与系统数据不一致,请说明");
        approve("gulou-train", city);
        approve("gulou-loan-q3", city);

        Answer returned = api.get(report("gudong-loan"), gudong).expect(200);
        assertThat(returned.json().path("status").asString()).isEqualTo("RETURNED");
        assertThat(returned.body()).contains("贷款金额与台账不一致");

        submit("gudong-loan", gudong, "LOAN", GUDONG, q4, "120.25");
        approve("gudong-loan", gulou);
        submit("cangshan-train", cangshan, "TRAIN", CANGSHAN, q4, "280");
        submit("gulou-loan-q4", gulou, "LOAN", GULOU, q4, "120.25");

        Answer locked = api.post(report("gudong-train") + "/return", gulou, Map.of("reason", "再核实"));
        assertThat(locked.status())
                .as("returning an approved report: %s", locked.body())
                .isEqualTo(409);
    }

    @Test
    @Order(6)
    void rightsOfficerRegistersCasesAndClosesTwoOfThem() throws Exception {
        rightsYear = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
        rightsBefore = new LinkedHashMap<>();
        String leader = api.token("leader");
        for (String unit : List.of(CITY, GULOU, CANGSHAN, GUDONG)) {
            rightsBefore.put(unit, settledRights(leader, unit));
        }

        String officer = api.token("gulou-rights");
        String mediated = registerCase(officer, "VISIT", "MARRIAGE_FAMILY", "王秀兰", "13705911234");
        handle(officer, mediated, "MEDIATION", "MEDIATED");
        api.post(
                        GATEWAY + "/api/rights/cases/" + mediated + "/follow-up",
                        officer,
                        Map.of("satisfaction", 5),
                        api.etag(GATEWAY + "/api/rights/cases/" + mediated, officer))
                .expect(200);
        String explained = registerCase(officer, "HOTLINE_12338", "LABOUR_SOCIAL_SECURITY", "郑美玉", "13805917654");
        handle(officer, explained, "CONSULTATION", "EXPLAINED");
        String open = registerCase(officer, "LETTER", "PROPERTY_RIGHTS", "黄玉珍", "0591-87654321");
        api.post(
                        GATEWAY + "/api/rights/cases/" + open + "/accept",
                        officer,
                        Map.of(),
                        api.etag(GATEWAY + "/api/rights/cases/" + open, officer))
                .expect(200);

        Answer staff = api.post(
                GATEWAY + "/api/rights/cases/" + open + "/close",
                api.token("gulou-staff"),
                Map.of("outcome", "RESOLVED", "summary", "已处理"),
                api.etag(GATEWAY + "/api/rights/cases/" + open, officer));
        assertThat(staff.status())
                .as("district staff without the officer role closing: %s", staff.body())
                .isEqualTo(403);
    }

    @Test
    @Order(7)
    void everyDashboardFigureOfCityDistrictsAndTownshipEqualsWhatWasWritten() throws Exception {
        String leader = api.token("leader");
        Map<String, List<String>> children = new LinkedHashMap<>();
        for (String unit : List.of(CITY, GULOU, CANGSHAN, GUDONG)) {
            children.put(unit, registryChildren(unit));
        }
        assertThat(children.get(CITY)).contains(GULOU, CANGSHAN).hasSizeGreaterThanOrEqualTo(13);
        assertThat(children.get(GUDONG)).hasSize(3);

        for (String unit : List.of(CITY, GULOU, CANGSHAN, GUDONG)) {
            String token = api.token(
                    switch (unit) {
                        case CITY -> "leader";
                        case GULOU -> "gulou-staff";
                        case CANGSHAN -> "cangshan-staff";
                        default -> "gudong-staff";
                    });
            eventually(SETTLE, () -> {
                JsonNode dashboard = dashboard(token, unit, year);
                truth.assertDashboard(dashboard, unit, year, children.get(unit), child -> rows(token, child, year));
            });
        }
        // the leader sees the same figures of a township as its own staff
        JsonNode byLeader = dashboard(leader, GUDONG, year);
        truth.assertDashboard(byLeader, GUDONG, year, children.get(GUDONG), child -> rows(leader, child, year));
    }

    @Test
    @Order(8)
    void rightsFiguresOfTheYearCountExactlyTheCasesRegisteredClosedAndFollowedUp() throws Exception {
        String leader = api.token("leader");
        Map<String, long[]> delta = Map.of(
                CITY, new long[] {3, 2, 2, 1},
                GULOU, new long[] {3, 2, 2, 1},
                CANGSHAN, new long[] {0, 0, 0, 0},
                GUDONG, new long[] {0, 0, 0, 0});
        for (String unit : List.of(CITY, GULOU, CANGSHAN, GUDONG)) {
            JsonNode before = rightsBefore.get(unit);
            long[] d = delta.get(unit);
            eventually(SETTLE, () -> {
                JsonNode rights = dashboard(leader, unit, rightsYear).path("rights");
                long received = before.path("received").asLong() + d[0];
                long closed = before.path("closed").asLong() + d[1];
                assertThat(rights.path("received").asLong())
                        .as("%s received", unit)
                        .isEqualTo(received);
                assertThat(rights.path("closed").asLong()).as("%s closed", unit).isEqualTo(closed);
                assertThat(rights.path("closedOnTime").asLong())
                        .as("%s closed on time", unit)
                        .isEqualTo(before.path("closedOnTime").asLong() + d[2]);
                assertThat(rights.path("followUps").asLong())
                        .as("%s follow-ups", unit)
                        .isEqualTo(before.path("followUps").asLong() + d[3]);
                assertThat(rights.path("reopened").asLong())
                        .as("%s reopened", unit)
                        .isEqualTo(before.path("reopened").asLong());
                BigDecimal rate = received == 0 ? null : percent(closed, received);
                assertThat(decimal(rights.path("closureRate")))
                        .as("%s closure rate", unit)
                        .isEqualTo(rate);
            });
        }
        // the plan year had no cases at all
        JsonNode planYear = dashboard(leader, CITY, year).path("rights");
        assertThat(planYear.path("received").asLong()).isZero();
        assertThat(planYear.path("closureRate").isNull()).isTrue();
    }

    // ---------------------------------------------------------------------------------------------------------------

    private static Answer allocate(String token, String task, String unit, Map<String, String> targets) {
        String id = truth.assignmentId(task, unit);
        long version = api.get(GATEWAY + "/api/planning/assignments/" + id, token)
                .expect(200)
                .json()
                .path("version")
                .asLong();
        List<Map<String, Object>> items = new ArrayList<>();
        new TreeMap<>(targets).forEach((code, target) -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("unitCode", code);
            item.put("target", target == null ? null : new BigDecimal(target));
            items.add(item);
        });
        return api.post(
                GATEWAY + "/api/planning/assignments/" + id + "/allocations",
                token,
                Map.of("allocations", items),
                "\"" + version + "\"");
    }

    private static void acknowledge(String token, String task, String unit) {
        JsonNode a = api.post(
                        GATEWAY + "/api/planning/assignments/" + truth.assignmentId(task, unit) + "/acknowledge",
                        token,
                        null)
                .expect(200)
                .json();
        assertThat(a.path("status").asString()).isEqualTo("ACKNOWLEDGED");
        assertThat(a.path("acknowledgedAt").isNull()).isFalse();
        truth.acknowledged(task, unit);
    }

    private static Map<String, Object> training(String title, int sessions, int participants, int women, String unit) {
        Map<String, Object> body = activity("TRAINING", title, unit);
        body.put("metrics", Map.of("sessions", sessions, "participants", participants, "womenParticipants", women));
        body.put(
                "links",
                List.of(
                        Map.of("assignmentId", truth.assignmentId("TRAIN", unit), "metric", "womenParticipants"),
                        Map.of(
                                "assignmentId",
                                truth.assignmentId("SHARE", unit),
                                "metric",
                                "womenParticipants",
                                "denominatorMetric",
                                "participants")));
        return body;
    }

    private static Map<String, Object> loan(String title, String amount, String unit) {
        Map<String, Object> body = activity("LOAN", title, unit);
        body.put("metrics", Map.of("loanAmount", new BigDecimal(amount), "personsSupported", 12));
        body.put("links", List.of(Map.of("assignmentId", truth.assignmentId("LOAN", unit), "metric", "loanAmount")));
        return body;
    }

    private static Map<String, Object> activity(String type, String title, String unit) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("title", title);
        body.put("year", year);
        body.put("startDate", LocalDate.of(year, 9, 10).toString());
        body.put("endDate", LocalDate.of(year, 9, 12).toString());
        body.put("place", "妇女之家");
        body.put("organiser", unit.endsWith("001") ? "鼓东街道妇联" : "区妇联");
        body.put("description", "系统测试录入");
        return body;
    }

    /** Records an activity once the activity service has learned the assignments it counts toward. */
    @SuppressWarnings("unchecked")
    private static void record(String key, String token, String unit, Map<String, Object> body) throws Exception {
        eventually(SETTLE, () -> {
            Answer created = api.post(GATEWAY + "/api/activities", token, body);
            assertThat(created.status())
                    .as("recording %s: %s", key, created.body())
                    .isEqualTo(201);
            activityIds.put(key, created.json().path("id").asString());
        });
        Map<String, Object> metrics = (Map<String, Object>) body.get("metrics");
        if ("TRAINING".equals(body.get("type"))) {
            truth.contribute(
                    key, unit, "TRAIN", metrics.get("womenParticipants").toString(), null);
            truth.contributeAlso(
                    key,
                    unit,
                    "SHARE",
                    metrics.get("womenParticipants").toString(),
                    metrics.get("participants").toString());
        } else {
            truth.contribute(key, unit, "LOAN", metrics.get("loanAmount").toString(), null);
        }
    }

    private static String report(String key) {
        return GATEWAY + "/api/reports/progress-reports/" + reportIds.get(key);
    }

    /** Submits (or resubmits) once the reporting service has learned the assignment. */
    private static void submit(String key, String token, String task, String unit, String period, String value)
            throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("assignmentId", truth.assignmentId(task, unit));
        body.put("period", period);
        body.put("value", new BigDecimal(value));
        body.put("correctionExplanation", "按台账核实后的数字");
        body.put("narrative", "本期工作进展顺利");
        eventually(SETTLE, () -> {
            Answer submitted = api.post(GATEWAY + "/api/reports/progress-reports", token, body);
            assertThat(submitted.status())
                    .as("submitting %s: %s", key, submitted.body())
                    .isIn(200, 201);
            assertThat(submitted.json().path("status").asString()).isEqualTo("SUBMITTED");
            reportIds.put(key, submitted.json().path("id").asString());
        });
        truth.report(task, unit, period, "SUBMITTED", value);
    }

    private static void approve(String key, String token) {
        JsonNode approved =
                api.post(report(key) + "/approve", token, null).expect(200).json();
        assertThat(approved.path("status").asString()).isEqualTo("APPROVED");
        truth.approve(
                approved.path("unitPath").asString(),
                approved.path("taskId").asString(),
                approved.path("period").asString());
    }

    private static void giveBack(String key, String token, String reason) {
        JsonNode returned = api.post(report(key) + "/return", token, Map.of("reason", reason))
                .expect(200)
                .json();
        assertThat(returned.path("status").asString()).isEqualTo("RETURNED");
        truth.giveBack(
                returned.path("unitPath").asString(),
                returned.path("taskId").asString(),
                returned.path("period").asString());
    }

    private static String registerCase(String officer, String channel, String category, String name, String phone) {
        Map<String, Object> body = Map.of(
                "channel",
                channel,
                "category",
                category,
                "urgent",
                false,
                "complainant",
                Map.of("name", name, "phone", phone),
                "account",
                "当事人反映的情况(系统测试)");
        JsonNode c = api.post(GATEWAY + "/api/rights/cases", officer, body)
                .expect(201)
                .json();
        assertThat(c.path("status").path("code").asString()).isEqualTo("REGISTERED");
        assertThat(c.path("complainant").path("name").asString()).isEqualTo(name.charAt(0) + "**");
        return c.path("id").asString();
    }

    private static void handle(String officer, String id, String step, String outcome) {
        String base = GATEWAY + "/api/rights/cases/" + id;
        api.post(base + "/accept", officer, Map.of(), api.etag(base, officer)).expect(200);
        api.post(base + "/steps", officer, Map.of("type", step, "note", "已与当事人沟通"), api.etag(base, officer))
                .expect(200);
        JsonNode closed = api.post(
                        base + "/close", officer, Map.of("outcome", outcome, "summary", "已办结"), api.etag(base, officer))
                .expect(200)
                .json();
        assertThat(closed.path("status").path("code").asString()).isEqualTo("CLOSED");
        assertThat(closed.path("closedOnTime").asBoolean()).isTrue();
    }

    /** The rights figures of a unit once two reads a second apart agree: nothing of earlier tests is still arriving. */
    private static JsonNode settledRights(String token, String unit) throws Exception {
        JsonNode[] last = {null};
        eventually(SETTLE, () -> {
            JsonNode first = dashboard(token, unit, rightsYear).path("rights");
            Thread.sleep(1500);
            JsonNode second = dashboard(token, unit, rightsYear).path("rights");
            assertThat(second).as("rights figures of %s settled", unit).isEqualTo(first);
            last[0] = second;
        });
        return last[0];
    }

    static JsonNode dashboard(String token, String unit, int year) {
        return api.get(GATEWAY + "/api/reports/dashboard?unit=" + unit + "&year=" + year, token)
                .expect(200)
                .json();
    }

    /** A unit's own task rows, as its parent's dashboard summarises them. */
    static JsonNode rows(String token, String unit, int year) {
        return api.get(GATEWAY + "/api/reports/dashboard/rows?unit=" + unit + "&year=" + year, token)
                .expect(200)
                .json()
                .path("tasks");
    }

    /** A unit's direct children as the org-unit registry (planning) lists them. */
    private static List<String> registryChildren(String unit) {
        String code = unit.substring(unit.lastIndexOf('/') + 1);
        JsonNode list = api.get(GATEWAY + "/api/planning/org-units/" + code + "/children", api.token("admin"))
                .expect(200)
                .json();
        JsonNode items = list.isArray() ? list : list.path("items");
        TreeSet<String> paths = new TreeSet<>();
        items.forEach(u -> paths.add(u.path("path").asString()));
        return List.copyOf(paths);
    }

    static BigDecimal decimal(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode()
                ? null
                : node.decimalValue().stripTrailingZeros();
    }

    static BigDecimal percent(long a, long b) {
        return BigDecimal.valueOf(a * 100L)
                .divide(BigDecimal.valueOf(b), 1, RoundingMode.HALF_UP)
                .stripTrailingZeros();
    }
}
