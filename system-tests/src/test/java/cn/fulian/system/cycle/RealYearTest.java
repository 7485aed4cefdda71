package cn.fulian.system.cycle;

import static cn.fulian.system.PlatformApi.GATEWAY;
import static org.assertj.core.api.Assertions.assertThat;

import cn.fulian.system.FreeYear;
import cn.fulian.system.PlatformApi;
import cn.fulian.system.PlatformApi.Answer;
import cn.fulian.system.SharedPlatform;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * A federation moves a real year in: the 福州 city federation's 2013, with the targets of its 2014 plan's review and
 * the figures of its 2013 summary ({@code shared/domain/city-summary-2013-and-plan-2014.txt}). City staff write the
 * plan with a source for every indicator and allocate it across the 13 districts with awkward remainders (70期 over
 * 13, a rate, 鼓楼 keeping part of its share); 鼓楼, 鼓东 and 仓山 record the year's trainings, job fairs and loans;
 * the rights desk moves in the year's 1,455 petitions with the days they were received and concluded; city staff
 * review the 862 civilised posts. Then every figure of the summary must stand on the dashboard of the city and of
 * the districts exactly, and in the generated annual summary's text.
 */
@ExtendWith(SharedPlatform.class)
@TestMethodOrder(OrderAnnotation.class)
class RealYearTest {

    static final String CITY = "350100";
    static final String GULOU = "350100/350102";
    static final String CANGSHAN = "350100/350104";
    static final String GUDONG = "350100/350102/350102001";
    static final String PINGTAN = "350100/350128";

    static final Duration SETTLE = Duration.ofMinutes(3);
    static final PlatformApi api = new PlatformApi();

    /** The tasks by the test's key, with the plan's title, indicator and source. */
    static final Map<String, String> taskIds = new LinkedHashMap<>();

    static int year;
    static boolean free2013;
    static List<String> districts;

    /** What each unit recorded itself, by task key: the test's own account. */
    static final Map<String, Map<String, BigDecimal>> recorded = new TreeMap<>();

    /** Civilised posts reviewed, by holder district and outcome. */
    static final Map<String, Map<String, Integer>> reviews = new TreeMap<>();

    @BeforeAll
    static void pickTheYear() {
        String city = api.token("city-staff");
        free2013 = api.get(GATEWAY + "/api/planning/plans?year=2013", city)
                        .expect(200)
                        .json()
                        .path("total")
                        .asLong(-1)
                == 0;
        year = free2013 ? 2013 : FreeYear.pick(api, city);
    }

    @Test
    @Order(0)
    void aPastYearTakesNoEntriesUntilCityStaffOpenIt() {
        String officer = api.token("gulou-rights");
        Map<String, Object> early = new LinkedHashMap<>();
        early.put("channel", "LETTER");
        early.put("category", "MARRIAGE_FAMILY");
        early.put("urgent", false);
        early.put("receivedOn", LocalDate.of(year, 3, 4).toString());
        early.put("complainant", Map.of("name", "来信人", "phone", "13900009999"));
        early.put("account", "往年来信");
        if (!free2013) {
            return; // a rerun on the same platform state: the year may be open already
        }
        Answer refused = api.post(GATEWAY + "/api/rights/cases", officer, early);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().at("/errors/0/field").asString()).isEqualTo("receivedOn");
        assertThat(refused.json().at("/errors/0/message").asString()).contains(year + "年度未开放补录");

        // city staff open it; activity-service and rights-service learn that from planning's events
        FreeYear.openForEntry(api, api.token("city-staff"), year);
    }

    @Test
    @Order(1)
    void cityStaffWriteThePlanWithASourceForEveryIndicatorAndAllocateItAcrossThe13Districts() {
        String city = api.token("city-staff");
        String yaml = """
                year: %1$d
                title: %1$d年福州市妇联工作要点
                overallRequirements: 团结带领全市广大妇女为推进福州跨越发展作出积极贡献。
                workAreas: [围绕发展大局助力妇女就业创业, 维护妇女儿童合法权益, 深化巾帼建功活动]
                tasks:
                  - { workArea: 围绕发展大局助力妇女就业创业, title: "举办“双学双比”培训班70期", dueDate: "%1$d-12-20",
                      indicator: { name: 培训班期数, unit: 期, kind: COUNT, target: 70,
                                   source: { kind: ACTIVITY, metric: sessions } } }
                  - { workArea: 围绕发展大局助力妇女就业创业, title: 培训妇女6500人次, dueDate: "%1$d-12-20",
                      indicator: { name: 培训妇女人次, unit: 人次, kind: COUNT, target: 6500,
                                   source: { kind: ACTIVITY, metric: womenParticipants } } }
                  - { workArea: 围绕发展大局助力妇女就业创业, title: 举办各类招聘会80场, dueDate: "%1$d-12-20",
                      indicator: { name: 招聘会场次, unit: 场, kind: COUNT, target: 80,
                                   source: { kind: ACTIVITY, metric: sessions } } }
                  - { workArea: 围绕发展大局助力妇女就业创业, title: 提供就业岗位12000个, dueDate: "%1$d-12-20",
                      indicator: { name: 提供岗位, unit: 个, kind: COUNT, target: 12000,
                                   source: { kind: ACTIVITY, metric: jobsOffered } } }
                  - { workArea: 围绕发展大局助力妇女就业创业, title: 新增妇女小额贴息贷款8000万元, dueDate: "%1$d-12-20",
                      indicator: { name: 贴息贷款金额, unit: 万元, kind: AMOUNT, target: 8000,
                                   source: { kind: ACTIVITY, metric: loanAmount } } }
                  - { workArea: 围绕发展大局助力妇女就业创业, title: 扶持城乡妇女1500人, dueDate: "%1$d-12-20",
                      indicator: { name: 扶持妇女人数, unit: 人, kind: COUNT, target: 1500,
                                   source: { kind: ACTIVITY, metric: personsSupported } } }
                  - { workArea: 维护妇女儿童合法权益, title: 处理来信来访1400件, dueDate: "%1$d-12-31",
                      indicator: { name: 来信来访件数, unit: 件, kind: COUNT, target: 1400,
                                   source: { kind: RIGHTS, rightsKpi: RECEIVED } } }
                  - { workArea: 维护妇女儿童合法权益, title: 信访处结率达98%%以上, dueDate: "%1$d-12-31",
                      indicator: { name: 信访处结率, unit: "%%", kind: RATE, target: 98,
                                   numeratorName: 办结件数, denominatorName: 受理件数,
                                   source: { kind: RIGHTS, rightsKpi: CLOSURE_RATE } } }
                  - { workArea: 维护妇女儿童合法权益, title: 重复信访控制在30件以内, dueDate: "%1$d-12-31",
                      indicator: { name: 重复信访件数, unit: 件, kind: COUNT, direction: AT_MOST, target: 30,
                                   source: { kind: RIGHTS, rightsKpi: REPEAT } } }
                  - { workArea: 深化巾帼建功活动, title: 复查市级以上巾帼文明岗860个, dueDate: "%1$d-11-30",
                      indicator: { name: 复查巾帼文明岗, unit: 个, kind: COUNT, target: 860,
                                   source: { kind: HONOURS, honourFigure: REVIEWED, honourKind: CIVILISED_POST } } }
                """.formatted(year);
        JsonNode plan = api.postText(GATEWAY + "/api/planning/plans/import", city, "application/yaml", yaml)
                .expect(201)
                .json();
        List<String> keys = List.of(
                "SESSIONS", "WOMEN", "FAIRS", "JOBS", "LOANS", "SUPPORTED", "PETITIONS", "CLOSURE", "REPEAT", "POSTS");
        for (int i = 0; i < keys.size(); i++) {
            taskIds.put(keys.get(i), plan.path("tasks").get(i).path("id").asString());
        }
        assertThat(plan.path("tasks")
                        .get(4)
                        .path("indicator")
                        .path("source")
                        .path("metric")
                        .asString())
                .isEqualTo("loanAmount");
        api.post(GATEWAY + "/api/planning/plans/" + plan.path("id").asString() + "/publish", city, null)
                .expect(200);

        districts = children(CITY);
        assertThat(districts).hasSize(13).contains(GULOU, CANGSHAN, PINGTAN);

        // a township is not a direct child of the city: said plainly, nothing allocated
        Answer past = allocate(city, "SESSIONS", CITY, Map.of(code(GUDONG), "70"), null);
        assertThat(past.status()).isEqualTo(400);
        assertThat(past.json().at("/errors/0/message").asString()).isEqualTo("只能分解到直属下级单位,请由其上级单位继续分解");

        for (String key : keys) {
            Map<String, String> split = new TreeMap<>();
            BigDecimal target = switch (key) {
                case "SESSIONS" -> BigDecimal.valueOf(70);
                case "WOMEN" -> BigDecimal.valueOf(6500);
                case "FAIRS" -> BigDecimal.valueOf(80);
                case "JOBS" -> BigDecimal.valueOf(12000);
                case "LOANS" -> BigDecimal.valueOf(8000);
                case "SUPPORTED" -> BigDecimal.valueOf(1500);
                case "PETITIONS" -> BigDecimal.valueOf(1400);
                case "POSTS" -> BigDecimal.valueOf(860);
                default -> null; // rates are passed down; the ceiling is set per district
            };
            for (int i = 0; i < districts.size(); i++) {
                String d = code(districts.get(i));
                if (key.equals("CLOSURE")) {
                    split.put(d, d.equals(code(GULOU)) ? "99" : null); // 鼓楼 takes a stricter rate
                } else if (key.equals("REPEAT")) {
                    split.put(d, "2"); // a ceiling: together within 30
                } else {
                    // 70 over 13 = 5 each and 5 left: the first five take one more
                    BigDecimal each = target.divideToIntegralValue(BigDecimal.valueOf(13));
                    BigDecimal rest = target.subtract(each.multiply(BigDecimal.valueOf(13)));
                    split.put(
                            d,
                            each.add(i < rest.intValue() ? BigDecimal.ONE : BigDecimal.ZERO)
                                    .toPlainString());
                }
            }
            allocate(city, key, CITY, split, null).expect(200);
        }
        JsonNode closureAtGulou = api.get(GATEWAY + "/api/planning/assignments/" + assignment("CLOSURE", GULOU), city)
                .expect(200)
                .json();
        assertThat(closureAtGulou.path("target").decimalValue()).isEqualByComparingTo("99");
        JsonNode closureAtCity = api.get(GATEWAY + "/api/planning/assignments/" + assignment("CLOSURE", CITY), city)
                .expect(200)
                .json();
        assertThat(closureAtCity.path("allocatedToChildren").isNull())
                .as("a rate is not added up")
                .isTrue();
    }

    @Test
    @Order(2)
    void gulouKeepsPartOfItsShareAndPassesTheRestToGudong() {
        String gulou = api.token("gulou-staff");
        for (String key : List.of("SESSIONS", "WOMEN")) {
            api.post(GATEWAY + "/api/planning/assignments/" + assignment(key, GULOU) + "/acknowledge", gulou, null)
                    .expect(200);
        }
        JsonNode sessions = api.get(GATEWAY + "/api/planning/assignments/" + assignment("SESSIONS", GULOU), gulou)
                .expect(200)
                .json();
        assertThat(sessions.path("target").intValue()).isEqualTo(6);

        // giving 2 of 6期 without saying who does the rest is refused, with the numbers
        Answer short4 = allocate(gulou, "SESSIONS", GULOU, Map.of(code(GUDONG), "2"), null);
        assertThat(short4.status()).isEqualTo(400);
        assertThat(short4.body()).contains("还差4期");

        JsonNode kept = allocate(gulou, "SESSIONS", GULOU, Map.of(code(GUDONG), "2"), "4")
                .expect(200)
                .json();
        assertThat(kept.path("retained").intValue()).isEqualTo(4);
        assertThat(kept.path("shortfall").intValue()).isZero();
        allocate(gulou, "WOMEN", GULOU, Map.of(code(GUDONG), "200"), "300").expect(200);
    }

    @Test
    @Order(3)
    void unitsRecordTheYearsActivitiesEachTowardItsOwnAssignment() throws Exception {
        await(() -> {
            JsonNode linkable = api.get(
                            GATEWAY + "/api/activities/assignments/linkable?year=" + year + "&type=TRAINING",
                            api.token("gudong-staff"))
                    .expect(200)
                    .json();
            assertThat(linkable.findValuesAsString("assignmentId")).contains(assignment("SESSIONS", GUDONG));
            assertThat(linkable.findValuesAsString("unitPath")).containsOnly(GUDONG);
        });

        // 72期 / 6814人次 of trainings: 鼓楼 20期 itself, 鼓东 10期, 仓山 42期
        // the first entry of the opened year may overtake the news that it is open: a refusal writes nothing, so try
        // again
        await(() -> training(
                "gulou-staff", GULOU, 20, 2100, 1900, LocalDate.of(year - 1, 12, 30), LocalDate.of(year, 1, 2)));
        training("gudong-staff", GUDONG, 10, 1000, 900, LocalDate.of(year, 4, 10), LocalDate.of(year, 4, 12));
        training("cangshan-staff", CANGSHAN, 42, 4500, 4014, LocalDate.of(year, 6, 1), LocalDate.of(year, 6, 20));

        // a township's training linked to its district's assignment of the same task is refused, not counted twice
        Map<String, Object> twice =
                activity("TRAINING", "重复计入的培训班", LocalDate.of(year, 5, 1), LocalDate.of(year, 5, 1));
        twice.put("metrics", Map.of("sessions", 1, "participants", 30, "womenParticipants", 30));
        twice.put(
                "links",
                List.of(
                        Map.of("assignmentId", assignment("SESSIONS", GUDONG), "metric", "sessions"),
                        Map.of("assignmentId", assignment("SESSIONS", GULOU), "metric", "sessions")));
        Answer refused = api.post(GATEWAY + "/api/activities", api.token("gudong-staff"), twice);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().at("/errors/0/field").asString()).isEqualTo("links[1].assignmentId");
        assertThat(refused.json().at("/errors/0/message").asString()).contains("只能计入本单位承担的任务");

        // 86场 / 13170个岗位 of job fairs
        jobFair("gulou-staff", GULOU, 40, 6000, 3100);
        jobFair("cangshan-staff", CANGSHAN, 46, 7170, 3800);

        // 8888万元 / 1527人 of loans
        loan("gulou-staff", GULOU, "5000", 800);
        loan("cangshan-staff", CANGSHAN, "3888", 727);
    }

    @Test
    @Order(4)
    void theRightsDeskMovesInTheYearsPetitionsAllConcludedOnTime() throws Exception {
        String officer = api.token("gulou-rights");
        AtomicInteger closedLate = new AtomicInteger();
        IntConsumer petition = i -> {
            if (!petition(officer, i)) {
                closedLate.incrementAndGet();
            }
        };
        // the first may overtake the news that the year is open; a refused one writes nothing, so try again
        await(() -> petition.accept(0));
        parallel(1454, i -> petition.accept(i + 1));
        assertThat(closedLate.get()).isZero();
    }

    /** Registers, accepts, answers and closes petition {@code i} of the ledger; whether it was concluded on time. */
    private static boolean petition(String officer, int i) {
        LocalDate received = LocalDate.of(year, 1, 2).plusDays(i % 350);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("channel", i % 3 == 0 ? "LETTER" : i % 3 == 1 ? "VISIT" : "CALL");
        body.put("category", i % 2 == 0 ? "MARRIAGE_FAMILY" : "LABOUR_SOCIAL_SECURITY");
        body.put("urgent", false);
        body.put("receivedOn", received.toString());
        body.put("complainant", Map.of("name", "来访人" + i, "phone", "1380000" + String.format("%04d", i)));
        body.put("account", "当事人反映的情况(往年台账补录)");
        String id = api.post(GATEWAY + "/api/rights/cases", officer, body)
                .expect(201)
                .json()
                .path("id")
                .asString();
        String base = GATEWAY + "/api/rights/cases/" + id;
        api.post(base + "/accept", officer, Map.of(), api.etag(base, officer)).expect(200);
        api.post(base + "/steps", officer, Map.of("type", "CONSULTATION", "note", "已答复当事人"), api.etag(base, officer))
                .expect(200);
        JsonNode closed = api.post(
                        base + "/close",
                        officer,
                        Map.of(
                                "outcome",
                                "EXPLAINED",
                                "summary",
                                "已办结",
                                "closedOn",
                                received.plusDays(5).toString()),
                        api.etag(base, officer))
                .expect(200)
                .json();
        return closed.path("closedOnTime").asBoolean();
    }

    @Test
    @Order(5)
    void cityStaffReviewThe862CivilisedPostsOfTheYear() throws Exception {
        String city = api.token("city-staff");
        parallel(862, i -> {
            String holder = districts.get(i % districts.size());
            if (holder.equals(PINGTAN)) {
                holder = GULOU; // 平潭 receives the transferred posts; it held none before
            }
            String outcome = i < 726 ? "RETAINED" : i < 839 ? "REVOKED" : "TRANSFERRED";
            JsonNode honour = api.post(
                            GATEWAY + "/api/activities/honours",
                            city,
                            Map.of(
                                    "kind",
                                    "CIVILISED_POST",
                                    "level",
                                    "CITY",
                                    "holderName",
                                    "巾帼文明岗" + i,
                                    "holderUnitPath",
                                    holder,
                                    "awardedOn",
                                    LocalDate.of(year - 3, 3, 8).toString()))
                    .expect(201)
                    .json();
            Map<String, Object> review = new LinkedHashMap<>();
            review.put("round", year + "年复查");
            review.put("outcome", outcome);
            review.put("reviewedOn", LocalDate.of(year, 9, 1).toString());
            if (!outcome.equals("RETAINED")) {
                review.put("reason", outcome.equals("REVOKED") ? "复查不合格" : "管理权限移交平潭综合实验区妇联");
            }
            if (outcome.equals("TRANSFERRED")) {
                review.put("transferredToPath", PINGTAN);
            }
            api.post(
                            GATEWAY + "/api/activities/honours/"
                                    + honour.path("id").asString() + "/reviews",
                            city,
                            review,
                            "\"" + honour.path("version").asLong() + "\"")
                    .expect(200);
            synchronized (reviews) {
                reviews.computeIfAbsent(holder, k -> new TreeMap<>()).merge(outcome, 1, Integer::sum);
            }
        });
    }

    @Test
    @Order(6)
    void everyFigureOfTheYearStandsOnTheCitysAndTheDistrictsDashboards() throws Exception {
        String leader = api.token("leader");
        await(() -> {
            Map<String, JsonNode> city = rows(dashboard(leader, CITY));
            assertThat(actual(city, "SESSIONS")).isEqualByComparingTo("72");
            assertThat(actual(city, "WOMEN")).isEqualByComparingTo("6814");
            assertThat(actual(city, "FAIRS")).isEqualByComparingTo("86");
            assertThat(actual(city, "JOBS")).isEqualByComparingTo("13170");
            assertThat(actual(city, "LOANS")).isEqualByComparingTo("8888");
            assertThat(actual(city, "SUPPORTED")).isEqualByComparingTo("1527");
            assertThat(actual(city, "PETITIONS")).isEqualByComparingTo("1455");
            assertThat(actual(city, "CLOSURE")).isEqualByComparingTo("100");
            assertThat(actual(city, "REPEAT")).isEqualByComparingTo("0");
            assertThat(actual(city, "POSTS")).isEqualByComparingTo("862");
            assertThat(city.get("SESSIONS").path("completionPercent").decimalValue())
                    .isEqualByComparingTo("102.9");
            assertThat(city.get("POSTS").path("source").asString()).isEqualTo("HONOURS");
        });
        JsonNode cityView = dashboard(leader, CITY);
        JsonNode posts = cityView.path("honours").get(0);
        assertThat(posts.path("kind").asString()).isEqualTo("CIVILISED_POST");
        assertThat(posts.path("reviewed").intValue()).isEqualTo(862);
        assertThat(posts.path("retained").intValue()).isEqualTo(726);
        assertThat(posts.path("revoked").intValue()).isEqualTo(113);
        assertThat(posts.path("transferred").intValue()).isEqualTo(23);
        assertThat(cityView.path("rights").path("received").intValue()).isEqualTo(1455);
        assertThat(cityView.path("rights").path("closureRate").decimalValue()).isEqualByComparingTo("100");

        // 鼓楼: its own work and 鼓东's; its kept share measured against its own work
        Map<String, JsonNode> gulou = rows(dashboard(leader, GULOU));
        assertThat(actual(gulou, "SESSIONS")).isEqualByComparingTo("30");
        assertThat(actual(gulou, "WOMEN")).isEqualByComparingTo("2800");
        assertThat(actual(gulou, "FAIRS")).isEqualByComparingTo("40");
        assertThat(actual(gulou, "JOBS")).isEqualByComparingTo("6000");
        assertThat(actual(gulou, "LOANS")).isEqualByComparingTo("5000");
        assertThat(actual(gulou, "PETITIONS")).isEqualByComparingTo("1455");
        assertThat(actual(gulou, "CLOSURE")).isEqualByComparingTo("100");
        assertThat(gulou.get("CLOSURE").path("target").decimalValue()).isEqualByComparingTo("99");
        assertThat(actual(gulou, "POSTS")).isEqualTo(reviewedAt(GULOU));
        JsonNode kept = dashboard(leader, GULOU).path("retainedShare");
        assertThat(kept.findValuesAsString("taskId")).contains(taskIds.get("SESSIONS"), taskIds.get("WOMEN"));
        for (JsonNode r : kept) {
            if (r.path("taskId").asString().equals(taskIds.get("SESSIONS"))) {
                assertThat(r.path("target").intValue()).isEqualTo(4);
                assertThat(r.path("actual").intValue()).isEqualTo(20);
            }
        }

        // 仓山 and a district that recorded nothing: 0期 and red, its ceiling without cases grey
        Map<String, JsonNode> cangshan = rows(dashboard(leader, CANGSHAN));
        assertThat(actual(cangshan, "SESSIONS")).isEqualByComparingTo("42");
        assertThat(actual(cangshan, "WOMEN")).isEqualByComparingTo("4014");
        assertThat(actual(cangshan, "JOBS")).isEqualByComparingTo("7170");
        assertThat(actual(cangshan, "LOANS")).isEqualByComparingTo("3888");
        assertThat(actual(cangshan, "SUPPORTED")).isEqualByComparingTo("727");
        assertThat(actual(cangshan, "POSTS")).isEqualTo(reviewedAt(CANGSHAN));
        Map<String, JsonNode> pingtan = rows(dashboard(leader, PINGTAN));
        assertThat(actual(pingtan, "SESSIONS")).isEqualByComparingTo("0");
        assertThat(pingtan.get("REPEAT").path("paceStatus").asString()).isEqualTo("NO_DATA");
        assertThat(pingtan.get("CLOSURE").path("paceStatus").asString()).isEqualTo("NO_DATA");
        // the rate and the ceiling without a single case are left out of every district's score but 鼓楼's
        JsonNode rankings = dashboard(leader, CITY).path("rankings");
        assertThat(rankings).hasSize(13);
        for (JsonNode r : rankings) {
            assertThat(r.path("noData").intValue())
                    .as("tasks without data at %s", r.at("/unit/name").asString())
                    .isEqualTo(r.at("/unit/path").asString().equals(GULOU) ? 0 : 2);
        }
    }

    @Test
    @Order(7)
    void theAnnualSummaryCitesEveryFigureWithItsUnitAndCompletion() throws Exception {
        String leader = api.token("leader");
        JsonNode summary = api.get(GATEWAY + "/api/reports/summary?unit=" + CITY + "&year=" + year, leader)
                .expect(200)
                .json();
        assertThat(summary.path("title").asString()).isEqualTo("福州市妇联" + year + "年工作总结");
        StringBuilder text = new StringBuilder();
        summary.path("opening").forEach(p -> text.append(p.path("text").asString()));
        List<String> headings = new ArrayList<>();
        for (JsonNode section : summary.path("sections")) {
            headings.add(section.path("workArea").asString());
            section.path("paragraphs").forEach(p -> text.append(p.path("text").asString()));
        }
        assertThat(headings)
                .contains("围绕发展大局助力妇女就业创业", "维护妇女儿童合法权益", "深化巾帼建功活动")
                .doesNotHaveDuplicates();
        assertThat(text.toString())
                .contains("72期", "6814人次", "86场", "13170个", "8888万元", "1527人", "1455件", "100%", "862个")
                .contains("完成年度目标的102.9%")
                .doesNotContain("控制在0件");

        // kept as test artifacts, for a person to read as the federation's staff would
        Path out = Path.of("target", "real-year");
        Files.createDirectories(out);
        StringBuilder readable = new StringBuilder(summary.path("title").asString()).append("\n\n");
        summary.path("opening")
                .forEach(p -> readable.append(p.path("text").asString()).append("\n"));
        for (JsonNode section : summary.path("sections")) {
            readable.append("\n").append(section.path("workArea").asString()).append("\n");
            section.path("paragraphs")
                    .forEach(p -> readable.append(p.path("text").asString()).append("\n"));
        }
        Files.writeString(out.resolve("summary.txt"), readable);
        var pdf = api.postForFile(GATEWAY + "/api/reports/summary/export.pdf", leader, summary);
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        Files.write(out.resolve("summary.pdf"), pdf.body());
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    private static void training(
            String user, String unit, int sessions, int participants, int women, LocalDate from, LocalDate to) {
        Map<String, Object> body = activity("TRAINING", "“双学双比”培训班(" + unit + ")", from, to);
        body.put("metrics", Map.of("sessions", sessions, "participants", participants, "womenParticipants", women));
        body.put(
                "links",
                List.of(
                        Map.of("assignmentId", assignment("SESSIONS", unit), "metric", "sessions"),
                        Map.of("assignmentId", assignment("WOMEN", unit), "metric", "womenParticipants")));
        api.post(GATEWAY + "/api/activities", api.token(user), body).expect(201);
    }

    private static void jobFair(String user, String unit, int sessions, int offered, int placed) {
        Map<String, Object> body =
                activity("JOB_FAIR", "女性专场招聘会(" + unit + ")", LocalDate.of(year, 3, 8), LocalDate.of(year, 3, 8));
        body.put("metrics", Map.of("sessions", sessions, "jobsOffered", offered, "jobsPlaced", placed));
        body.put(
                "links",
                List.of(
                        Map.of("assignmentId", assignment("FAIRS", unit), "metric", "sessions"),
                        Map.of("assignmentId", assignment("JOBS", unit), "metric", "jobsOffered")));
        api.post(GATEWAY + "/api/activities", api.token(user), body).expect(201);
    }

    private static void loan(String user, String unit, String amount, int women) {
        Map<String, Object> body =
                activity("LOAN", "妇女小额贴息贷款(" + unit + ")", LocalDate.of(year, 1, 5), LocalDate.of(year, 12, 15));
        body.put("metrics", Map.of("loanAmount", new BigDecimal(amount), "personsSupported", women));
        body.put(
                "links",
                List.of(
                        Map.of("assignmentId", assignment("LOANS", unit), "metric", "loanAmount"),
                        Map.of("assignmentId", assignment("SUPPORTED", unit), "metric", "personsSupported")));
        api.post(GATEWAY + "/api/activities", api.token(user), body).expect(201);
    }

    private static Map<String, Object> activity(String type, String title, LocalDate from, LocalDate to) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("title", title);
        body.put("year", year);
        body.put("startDate", from.toString());
        body.put("endDate", to.toString());
        body.put("place", "妇女之家");
        return body;
    }

    private static Answer allocate(String token, String key, String unit, Map<String, String> split, String retained) {
        List<Map<String, Object>> items = new ArrayList<>();
        split.forEach((code, target) -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("unitCode", code);
            item.put("target", target == null ? null : new BigDecimal(target));
            items.add(item);
        });
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("allocations", items);
        if (retained != null) {
            body.put("retained", new BigDecimal(retained));
        }
        return api.post(
                GATEWAY + "/api/planning/assignments/" + assignment(key, unit) + "/allocations",
                token,
                body,
                api.etag(GATEWAY + "/api/planning/assignments/" + assignment(key, unit), token));
    }

    private static String assignment(String key, String unit) {
        return "asg-" + taskIds.get(key) + "-" + code(unit);
    }

    private static String code(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static List<String> children(String unit) {
        JsonNode list = api.get(GATEWAY + "/api/planning/org-units/" + code(unit) + "/children", api.token("admin"))
                .expect(200)
                .json();
        JsonNode items = list.isArray() ? list : list.path("items");
        List<String> paths = new ArrayList<>();
        items.forEach(u -> {
            if (!u.path("retired").asBoolean()) {
                paths.add(u.path("path").asString());
            }
        });
        paths.sort(String::compareTo);
        return paths;
    }

    private static JsonNode dashboard(String token, String unit) {
        return api.get(GATEWAY + "/api/reports/dashboard?unit=" + unit + "&year=" + year, token)
                .expect(200)
                .json();
    }

    /** The unit's task rows by the test's task key. */
    private static Map<String, JsonNode> rows(JsonNode dashboard) {
        Map<String, JsonNode> byKey = new LinkedHashMap<>();
        for (JsonNode r : dashboard.path("tasks")) {
            taskIds.forEach((key, id) -> {
                if (id.equals(r.path("taskId").asString())) {
                    byKey.put(key, r);
                }
            });
        }
        return byKey;
    }

    private static BigDecimal actual(Map<String, JsonNode> rows, String key) {
        JsonNode r = rows.get(key);
        assertThat(r).as("row of %s", key).isNotNull();
        assertThat(r.path("actual").isNull()).as("%s has a value", key).isFalse();
        return r.path("actual").decimalValue();
    }

    private static BigDecimal reviewedAt(String district) {
        return BigDecimal.valueOf(reviews.getOrDefault(district, Map.of()).values().stream()
                .mapToInt(Integer::intValue)
                .sum());
    }

    private static void await(PlatformApi.Check check) throws Exception {
        PlatformApi.eventually(SETTLE, check);
    }

    /** Runs {@code n} numbered writes on a few threads, as several desk clerks entering a ledger would. */
    private static void parallel(int n, IntConsumer write) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                done.add(pool.submit(() -> write.accept(index)));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
