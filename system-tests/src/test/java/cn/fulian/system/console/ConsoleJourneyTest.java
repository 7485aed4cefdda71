package cn.fulian.system.console;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fulian.system.LaunchedPlatform;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import tools.jackson.databind.JsonNode;

/**
 * The users' journeys in a real browser against the real platform, through Keycloak's own login page: city staff
 * write, publish and allocate a task; a district acknowledges it and records an activity; a leader watching the
 * dashboard sees the figure change without reloading; rights officers take a case from intake through a transfer to
 * its follow-up, at a desk and on a phone ({@link RightsDeskJourney}). Screenshots of each page go to
 * {@code target/screenshots/}.
 */
@TestMethodOrder(OrderAnnotation.class)
class ConsoleJourneyTest {

    private static final Path ROOT = LaunchedPlatform.root();
    private static final Path STATE =
            LaunchedPlatform.stateFolder("platform.state", "platform-state").resolveSibling("platform-state-console");
    private static final Path SHOTS = ROOT.resolve("system-tests/target/screenshots");

    private static final String TASK = "举办家庭教育公益讲座";
    private static final String GULOU = "350102";
    private static final List<String> TOWNSHIPS = List.of(
            "350102001",
            "350102002",
            "350102003",
            "350102004",
            "350102005",
            "350102006",
            "350102007",
            "350102008",
            "350102009",
            "350102100");
    private static int phoneStep;

    private static ConsolePlatform platform;
    private static Browser city;
    private static Browser leader;
    private static int year;
    private static String base;

    @BeforeAll
    static void startPlatformAndBrowsers() throws Exception {
        assertThat(Browser.installed())
                .as("Debian's chromium and chromium-driver (apt-get install -y chromium chromium-driver)")
                .isTrue();
        platform = ConsolePlatform.startOrAttach(ROOT, STATE);
        platform.allowGatewayRedirects();
        base = platform.gatewayUrl;
        year = freeYear(platform.token("city-staff"));
        city = Browser.open(SHOTS);
        leader = Browser.open(SHOTS);
        city.viewport(RightsDeskJourney.Screen.DESK.width, RightsDeskJourney.Screen.DESK.height, false);
        leader.viewport(RightsDeskJourney.Screen.DESK.width, RightsDeskJourney.Screen.DESK.height, false);
    }

    @AfterAll
    static void stopEverything() {
        for (Browser b : new Browser[] {city, leader}) {
            if (b != null) {
                b.close();
            }
        }
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    @Order(1)
    void cityStaffLogInThroughKeycloakAndSeeTheirUnitAndLevelInTheHeader() throws Exception {
        city.go(base + "/");
        city.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("kc-login")));
        assertThat(city.driver.getCurrentUrl()).startsWith(platform.keycloakUrl + "/realms/fulian/");
        city.screenshot("01-keycloak-login");

        city.login(base, "city-staff");

        String who = city.text("[data-test=who]");
        assertThat(who).contains("市级").contains("福州");
        assertThat(city.driver.getCurrentUrl()).endsWith("#/plans");
        assertThat(city.driver.manage().getCookieNamed("SESSION")).isNotNull();
        assertThat((String) city.script("return document.cookie"))
                .as("no token is readable by the page's JavaScript")
                .doesNotContain("eyJ");
        city.screenshot("02-city-plans");
    }

    @Test
    @Order(2)
    void aPlanFormWithMistakesShowsTheChineseMessageBesideEachFieldAndSavesNothing() throws Exception {
        city.go(base + "/#/plans/new");
        city.type("[data-field=year] input", "1999");
        city.type("[data-field=workAreas] textarea", "维护妇女儿童权益");
        city.click("[data-test=save-plan]");

        WebElement titleError = city.visible("[data-field=title] .field-error");
        assertThat(titleError.getText()).containsPattern("\\p{IsHan}");
        assertThat(city.text("[data-field=year] .field-error")).containsPattern("\\p{IsHan}");
        assertThat(city.visible("[data-field=title] input").getAttribute("aria-invalid"))
                .isEqualTo("true");
        assertThat(city.driver.getCurrentUrl()).endsWith("#/plans/new");
        city.screenshot("03-plan-form-field-errors");

        JsonNode plans = platform.get("/api/planning/plans?year=1999", platform.token("city-staff"));
        assertThat(plans.path("total").asLong()).as("plans saved for 1999").isZero();
    }

    @Test
    @Order(3)
    void cityStaffWritePublishAndAllocateATaskWithALiveSumAgainstTheTarget() throws Exception {
        city.go(base + "/#/plans/new");
        city.type("[data-field=year] input", Integer.toString(year));
        city.type("[data-field=title] input", year + "年福州市妇联工作要点");
        city.type("[data-field=workAreas] textarea", "家庭家教家风建设");
        city.select("[data-field='tasks[0].workArea'] select", "家庭家教家风建设");
        city.type("[data-field='tasks[0].title'] input", TASK + "20场");
        city.setDate("[data-field='tasks[0].dueDate'] input", year + "-11-30");
        city.type("[data-field='tasks[0].indicator.name'] input", TASK);
        city.type("[data-field='tasks[0].indicator.target'] input", "20");
        city.select("[data-field='tasks[0].indicator.unit'] select", "场");
        city.screenshot("04-plan-form-filled");
        city.click("[data-test=save-plan]");

        city.waitFor(
                ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-test=plan-status]"), "草稿"));
        assertThat(city.text("[data-test=plan-message]")).contains("草稿已保存", "共1项任务");
        String planPage = city.driver.getCurrentUrl();
        city.click("[data-test=publish]");
        city.waitFor(ExpectedConditions.alertIsPresent()).accept();
        city.waitFor(
                ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-test=plan-status]"), "已发布"));
        city.screenshot("05-plan-published");

        // more than the target is refused (层层加码), said beside the form, and nothing is allocated
        city.click("[data-test=allocate]");
        String assignment = city.driver.getCurrentUrl().replaceAll(".*#/assignments/", "");
        city.type("#t-" + GULOU, "1000");
        city.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-test=sum]"), "超出980场"));
        assertThat(city.visible("[data-test=sum]").getAttribute("class")).contains("short");
        city.click("[data-test=save-allocation]");
        city.waitFor(ExpectedConditions.alertIsPresent()).accept();
        city.waitFor(
                d -> city.all(".alert.error").stream().anyMatch(e -> e.getText().contains("层层加码")));
        assertThat(city.all(".alert.error").stream().map(WebElement::getText).toList())
                .anyMatch(t -> t.contains("超过下达目标20场，多出980场"));
        city.screenshot("06a-over-allocation-refused");
        assertThat(platform.get("/api/planning/assignments/" + assignment, platform.token("city-staff"))
                        .path("allocations"))
                .as("nothing allocated after the refusal")
                .isEmpty();

        city.type("#t-" + GULOU, "15");
        city.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-test=sum]"), "还差5场"));
        assertThat(city.visible("[data-test=sum]").getAttribute("class")).contains("short");
        city.type("#t-" + GULOU, "20");
        city.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-test=sum]"), "与目标一致"));
        city.click("[data-test=save-allocation]");
        city.waitFor(ExpectedConditions.alertIsPresent()).accept();

        city.waitFor(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-test=children]")));
        assertThat(city.text("[data-test=children] tr[data-unit=鼓楼区]"))
                .contains("20场")
                .contains("待签收");
        assertThat(city.text("[data-test=not-acknowledged]")).contains("未签收 1 个");
        city.click("[data-test=children] tr[data-unit=鼓楼区] [data-test=remind]");
        city.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert.ok"), "催办"));
        city.screenshot("06-allocation-and-acknowledgements");

        // the plan says per task how far its allocation and acknowledgement have come
        city.go(planPage);
        city.waitFor(
                ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-test=progress]"), "已签收 0/1"));
        assertThat(city.text("[data-test=progress]")).contains("本级已签收").containsPattern("已分解 1/\\d+ 单位");
        city.assertNothingOverflowsSideways("plan with allocation progress");
        city.screenshot("06b-plan-allocation-progress");
    }

    @Test
    @Order(4)
    void aLeaderWatchingTheDashboardSeesAnActivityAGulouStaffMemberRecordsWithoutReloading() throws Exception {
        leader.login(base, "leader");
        leader.go(base + "/#/dashboard?year=" + year);
        WebElement row = leader.visible("[data-test=dash-tasks] tr[data-task^='" + TASK + "']");
        String before = row.findElement(By.cssSelector("[data-test=actual]")).getText();
        leader.script("window.__sameDocument = 'yes'");
        leader.screenshot("07-leader-dashboard-before");

        city.click("form.logout button");
        city.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("kc-login")));
        city.login(base, "gulou-staff");
        assertThat(city.text("[data-test=who]")).contains("区县级");
        city.go(base + "/#/inbox?year=" + year);
        String inboxRow = "[data-test=inbox] tr[data-task^='" + TASK + "']";
        assertThat(city.text(inboxRow)).contains("待签收").contains("20场");
        city.screenshot("08-gulou-inbox");
        city.click(inboxRow + " [data-test=acknowledge]");
        city.waitFor(ExpectedConditions.alertIsPresent()).accept();
        city.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(inboxRow), "已签收"));

        // the activity service learns the new assignment from planning's events; the form lists it once it has
        for (int attempt = 0; ; attempt++) {
            city.click(inboxRow + " [data-test=record-activity]");
            try {
                city.waitFor(
                        Duration.ofSeconds(15),
                        d -> city.all("[data-field='links[0].assignmentId'] select option").stream()
                                .anyMatch(o -> o.getText().startsWith(TASK)));
                break;
            } catch (org.openqa.selenium.TimeoutException notYet) {
                if (attempt == 7) {
                    throw notYet;
                }
                city.go(base + "/#/inbox?year=" + year);
                city.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(inboxRow), "已签收"));
            }
        }
        city.select("[data-field=type] select", "LECTURE");
        city.type("[data-field=title] input", "家庭教育公益讲座(鼓楼区)");
        city.setDate("[data-field=startDate] input", LocalDate.of(year, 3, 15).toString());
        city.setDate("[data-field=endDate] input", LocalDate.of(year, 3, 15).toString());
        city.type("[data-field='metrics.sessions'] input", "3");
        city.type("[data-field='metrics.participants'] input", "120");
        city.type("[data-field='metrics.womenParticipants'] input", "96");
        city.waitFor(d -> !city.all("[data-field='links[0].metric'] select option[value=sessions]")
                .isEmpty());
        city.select("[data-field='links[0].metric'] select", "sessions");
        city.screenshot("09-activity-form");
        city.click("[data-test=save-activity]");
        city.visible("[data-test=activity-saved]");
        city.screenshot("10-activity-saved");

        String after = leader.waitFor(Duration.ofSeconds(60), d -> {
            String now = leader.text("[data-test=dash-tasks] tr[data-task^='" + TASK + "'] [data-test=actual]");
            return now.equals(before) ? null : now;
        });
        assertThat(after).isEqualTo("3场");
        assertThat(leader.script("return window.__sameDocument"))
                .as("the page was not reloaded")
                .isEqualTo("yes");
        leader.screenshot("11-leader-dashboard-after");

        Object download = leader.asyncScript("const done = arguments[arguments.length - 1];"
                + "fetch(document.querySelector('.exports a').href)"
                + ".then(r => done(r.status + ' ' + r.headers.get('content-type')))"
                + ".catch(e => done(String(e)));");
        assertThat(String.valueOf(download))
                .as("the dashboard's Excel export, fetched with the session only")
                .startsWith("200 application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

        // each light is named in the legend, and a district's dashboard says where it sits in the tree
        assertThat(leader.text("[data-test=lights]")).contains("红灯", "黄灯", "绿灯", "逾期", "无数据");
        leader.go(base + "/#/dashboard?unit=350100/350102&year=" + year);
        leader.waitFor(
                ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-test=breadcrumb]"), "鼓楼区"));
        assertThat(leader.text("[data-test=breadcrumb]")).isEqualTo("福州市 › 鼓楼区");
        leader.screenshot("12-leader-dashboard-district");

        // a township three levels down: every level above is a link back up
        leader.go(base + "/#/dashboard?unit=350100/350102/350102001&year=" + year);
        leader.waitFor(
                ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-test=breadcrumb]"), "鼓东街道"));
        assertThat(leader.text("[data-test=breadcrumb]")).isEqualTo("福州市 › 鼓楼区 › 鼓东街道");
        leader.driver.findElement(By.linkText("鼓楼区")).click();
        leader.waitFor(ExpectedConditions.textToBe(By.cssSelector("[data-test=dash-unit]"), "鼓楼区"));

        // the city's units × tasks: 鼓楼区 at 15 % (3 of 20), a district with nothing allocated says 无数据, not 0 %
        leader.go(base + "/#/dashboard?year=" + year);
        String gulouRow = "[data-test=unit-task-grid] tr[data-unit=鼓楼区]";
        assertThat(leader.text(gulouRow)).contains("15%");
        assertThat(leader.text("[data-test=unit-task-grid] tr[data-unit=仓山区]")).doesNotContain("%");
        assertThat(leader.text("[data-test=drill]"))
                .contains("鼓楼区 15%", "仓山区 无数据")
                .doesNotContain("0%");
        assertThat(leader.visible(gulouRow + " td.cell").getAttribute("class")).doesNotContain("NO_DATA");
        String legend = leader.text("[data-test=grid-legend]");
        assertThat(legend).containsSubsequence("红灯", "逾期", "黄灯", "绿灯", "无数据");
        assertThat(leader.text("[data-test=lights]")).containsSubsequence("红灯", "逾期", "黄灯", "绿灯", "无数据");
        leader.assertNothingOverflowsSideways("leader dashboard at a desk");
        leader.screenshotPage("12b-leader-dashboard-grid");
    }

    @Test
    @Order(5)
    void theDistrictSplitsItsShareAmongItsTownshipsAndReportsItsQuarterFromAFormUnderTheRow() throws Exception {
        // 鼓楼区 (still logged in) passes its 20场 on to its ten townships, 2场 each
        city.go(base + "/#/inbox?year=" + year);
        String inboxRow = "[data-test=inbox] tr[data-task^='" + TASK + "']";
        city.click(inboxRow + " td.title a");
        for (String township : TOWNSHIPS) {
            city.type("#t-" + township, "2");
        }
        city.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-test=sum]"), "与目标一致"));
        city.click("[data-test=save-allocation]");
        city.waitFor(ExpectedConditions.alertIsPresent()).accept();
        city.waitFor(d -> city.all("[data-test=children] tr[data-unit]").size() == TOWNSHIPS.size());
        assertThat(city.text("[data-test=not-acknowledged]")).contains("未签收 10 个");
        city.screenshot("13-district-allocates-to-townships");

        // 本单位及下级 for the first quarter: eleven rows (鼓楼区 and its ten townships), ten a page, each naming its unit
        String owed = "[data-test=owed]";
        for (int attempt = 0; ; attempt++) {
            city.go(base + "/#/reports?year=" + year + "&period=" + year + "-Q1&unit=ALL");
            city.visible(owed);
            String total = city.all(owed + " [data-test=total]").stream()
                    .map(WebElement::getText)
                    .findFirst()
                    .orElse("");
            if (total.equals("共11件") || attempt == 10) {
                break;
            }
            Thread.sleep(1500);
        }
        assertThat(city.text(owed + " [data-test=total]")).isEqualTo("共11件");
        assertThat(rows(city, owed)).hasSize(10).allMatch(r -> r.contains(year + "年第一季度") && r.contains(TASK));
        List<String> firstPage = units(city, owed);
        assertThat(firstPage)
                .as("the unit of every row, all different")
                .doesNotHaveDuplicates()
                .contains("鼓楼区");
        city.assertNothingOverflowsSideways("reports of the district and its townships");
        city.screenshot("14-reports-owed-page-1");
        city.click(owed + " button[aria-label='第2页']");
        city.waitFor(d -> rows(city, owed).size() == 1);
        assertThat(units(city, owed)).singleElement().isNotIn(firstPage);
        city.screenshot("15-reports-owed-page-2");

        // the fourth quarter can be chosen although it has not ended
        city.select("[data-test=period-filter]", year + "-Q4");
        city.waitFor(d -> rows(city, owed).stream().anyMatch(r -> r.contains(year + "年第四季度")));

        // the district's own first quarter: the form opens under the row, pre-filled with the quarter's 3场
        city.select("[data-test=unit-filter]", "OWN");
        city.select("[data-test=period-filter]", year + "-Q1");
        city.waitFor(
                d -> rows(city, owed).size() == 1 && rows(city, owed).get(0).contains("鼓楼区"));
        city.click(owed + " tr[data-row] button");
        WebElement form = city.visible("[data-test=report-form]");
        Number gap = (Number) city.script(
                "return arguments[0].getBoundingClientRect().top"
                        + " - document.querySelector('[data-test=owed] tr[data-row]').getBoundingClientRect().bottom",
                form);
        assertThat(gap.doubleValue()).as("px between the row and its form").isBetween(-1.0, 60.0);
        city.waitFor(d -> "3"
                .equals(city.visible("[data-test=report-form] [data-field=value] input")
                        .getAttribute("value")));
        assertThat(city.text("[data-test=report-form]")).contains(TASK, year + "年第一季度", "3场");
        city.assertNothingOverflowsSideways("report form at a desk");
        city.screenshot("16-report-form-in-place");
        city.click("[data-test=report-form] button[type=submit]");
        city.waitFor(ExpectedConditions.alertIsPresent()).accept();
        city.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert.ok"), "进度已报送"));
        String mine = "[data-test=mine]";
        city.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(mine), TASK));
        assertThat(city.text(mine)).contains(year + "年第一季度", "待审核", "3");

        // in English the period is a label too
        city.driver
                .findElement(By.xpath("//button[normalize-space()='English']"))
                .click();
        city.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(mine), "Q1 " + year));
        assertThat(city.text(mine))
                .contains("Submitted by my unit", "Submitted")
                .doesNotContain("季度");
        city.screenshot("17-reports-in-english");
        city.driver.findElement(By.xpath("//button[normalize-space()='中文']")).click();
        city.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(mine), "本单位已报"));

        // the allocation ledger says what the console says: the city's and the district's share acknowledged,
        // the townships' waiting
        Map<String, String> ledger = Xlsx.rowsByUnit(
                platform.download("/api/reports/exports/ledger.xlsx?year=" + year, platform.token("city-staff")), TASK);
        assertThat(ledger.get("福州市")).contains("已签收");
        assertThat(ledger.get("鼓楼区")).contains("已签收");
        assertThat(ledger.get("鼓东街道")).contains("待签收");
    }

    @Test
    @Order(6)
    void aTownshipOnAPhoneAcknowledgesRecordsAndReportsEachQuarterFromItsOwnActivities() throws Exception {
        RightsDeskJourney.Screen phone = RightsDeskJourney.Screen.PHONE;
        try (Browser t = Browser.open(SHOTS)) {
            t.viewport(phone.width, phone.height, phone.mobile);
            t.login(base, "gudong-staff");
            String inboxRow = "[data-test=inbox] tr[data-task^='" + TASK + "']";
            t.go(base + "/#/inbox?year=" + year);
            assertThat(t.text(inboxRow)).contains("待签收", "2场");
            phoneCheck(t, "inbox");
            t.click(inboxRow + " [data-test=acknowledge]");
            t.waitFor(ExpectedConditions.alertIsPresent()).accept();
            t.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(inboxRow), "已签收"));

            // a May lecture: it belongs to the second quarter, not the first
            for (int attempt = 0; ; attempt++) {
                t.click(inboxRow + " [data-test=record-activity]");
                try {
                    t.waitFor(
                            Duration.ofSeconds(15),
                            d -> t.all("[data-field='links[0].assignmentId'] select option").stream()
                                    .anyMatch(o -> o.getText().startsWith(TASK)));
                    break;
                } catch (org.openqa.selenium.TimeoutException notYet) {
                    if (attempt == 7) {
                        throw notYet;
                    }
                    t.go(base + "/#/inbox?year=" + year);
                }
            }
            List<String> offered = t.all("[data-field='links[0].assignmentId'] select option").stream()
                    .map(WebElement::getText)
                    .toList();
            assertThat(offered)
                    .as("the township's own share of the task, not the district's or the city's")
                    .anyMatch(o -> o.startsWith(TASK) && o.endsWith("本单位目标 2场"))
                    .noneMatch(o -> o.endsWith("本单位目标 20场"));
            t.select("[data-field=type] select", "LECTURE");
            t.type("[data-field=title] input", "家庭教育公益讲座(鼓东街道)");
            t.setDate("[data-field=startDate] input", LocalDate.of(year, 5, 10).toString());
            t.setDate("[data-field=endDate] input", LocalDate.of(year, 5, 10).toString());
            t.type("[data-field='metrics.sessions'] input", "1");
            t.type("[data-field='metrics.participants'] input", "40");
            t.type("[data-field='metrics.womenParticipants'] input", "35");
            t.waitFor(d -> !t.all("[data-field='links[0].metric'] select option[value=sessions]")
                    .isEmpty());
            t.select("[data-field='links[0].metric'] select", "sessions");
            phoneCheck(t, "activity-form");
            t.click("[data-test=save-activity]");
            t.visible("[data-test=activity-saved]");

            // the first quarter's form starts from nothing: the May lecture is not in it
            String owed = "[data-test=owed]";
            t.go(base + "/#/reports?year=" + year + "&period=" + year + "-Q1");
            t.waitFor(d -> rows(t, owed).size() == 1 && rows(t, owed).get(0).contains("鼓东街道"));
            phoneCheck(t, "reports");
            t.click(owed + " tr[data-row] button");
            t.visible("[data-test=report-form]");
            t.waitFor(d -> "0"
                    .equals(t.visible("[data-test=report-form] [data-field=value] input")
                            .getAttribute("value")));
            phoneCheck(t, "report-form-q1");
            t.click("[data-test=report-form] button[type=submit]");
            t.waitFor(ExpectedConditions.alertIsPresent()).accept();
            t.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert.ok"), "进度已报送"));

            // the second quarter's form starts from the May lecture
            t.select("[data-test=period-filter]", year + "-Q2");
            t.waitFor(d -> rows(t, owed).size() == 1 && rows(t, owed).get(0).contains(year + "年第二季度"));
            t.click(owed + " tr[data-row] button");
            t.waitFor(d -> "1"
                    .equals(t.visible("[data-test=report-form] [data-field=value] input")
                            .getAttribute("value")));
            phoneCheck(t, "report-form-q2");

            t.go(base + "/#/dashboard?year=" + year);
            t.visible("[data-test=dash-tasks]");
            phoneCheck(t, "township-dashboard");

            // an assignment that is not there is said to be not found, not "not available yet"
            t.go(base + "/#/assignments/asg-no-such-assignment");
            assertThat(t.text("[data-test=problem]"))
                    .startsWith("未找到")
                    .contains("asg-no-such-assignment")
                    .doesNotContain("尚未开通", "未找到：未找到", ":");
            assertThat(t.visible("[data-test=problem]").getAttribute("data-status"))
                    .isEqualTo("404");
            assertThat(t.all("[data-test=problem] [data-test=retry]")).isEmpty();
            phoneCheck(t, "not-found");
        }
    }

    @Test
    @Order(7)
    void aLeaderOnAPhoneReadsTheDashboardAsCardsAndWalksTheBreadcrumb() throws Exception {
        RightsDeskJourney.Screen phone = RightsDeskJourney.Screen.PHONE;
        leader.viewport(phone.width, phone.height, phone.mobile);
        try {
            leader.go(base + "/#/dashboard?year=" + year);
            leader.visible("[data-test=unit-task-grid] tr[data-unit=鼓楼区]");
            phoneCheck(leader, "leader-dashboard");
            leader.driver
                    .findElement(By.cssSelector("[data-test=drill]"))
                    .findElement(By.partialLinkText("鼓楼区"))
                    .click();
            leader.waitFor(ExpectedConditions.textToBe(By.cssSelector("[data-test=dash-unit]"), "鼓楼区"));
            assertThat(leader.text("[data-test=breadcrumb]")).isEqualTo("福州市 › 鼓楼区");
            leader.visible("[data-test=unit-task-grid] tr[data-unit=鼓东街道]");
            phoneCheck(leader, "leader-dashboard-district");
            leader.driver
                    .findElement(By.cssSelector("[data-test=breadcrumb]"))
                    .findElement(By.linkText("福州市"))
                    .click();
            leader.waitFor(ExpectedConditions.textToBe(By.cssSelector("[data-test=dash-unit]"), "福州市"));
        } finally {
            leader.viewport(RightsDeskJourney.Screen.DESK.width, RightsDeskJourney.Screen.DESK.height, false);
        }
    }

    @Test
    @Order(12)
    void cityAndDistrictStaffOnAPhoneFindTheirPlanSplitsAndReportsWithoutScrollingSideways() throws Exception {
        RightsDeskJourney.Screen phone = RightsDeskJourney.Screen.PHONE;
        String inboxRow = "[data-test=inbox] tr[data-task^='" + TASK + "']";
        try (Browser c = Browser.open(SHOTS)) {
            c.viewport(phone.width, phone.height, phone.mobile);
            c.login(base, "city-staff");
            c.go(base + "/#/plans?year=" + year);
            c.waitFor(d -> c.driver.getPageSource().contains(year + "年福州市妇联工作要点"));
            phoneCheck(c, "city-plans");
            c.go(base + "/#/inbox?year=" + year);
            assertThat(c.text(inboxRow)).contains("20场");
            phoneCheck(c, "city-inbox");
            c.click(inboxRow + " td.title a");
            c.waitFor(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-test=children]")));
            assertThat(c.text("[data-test=children] tr[data-unit=鼓楼区]")).contains("20场");
            phoneCheck(c, "city-allocation");
        }

        // 鼓楼区's staff (the desk browser, still logged in) on a phone: the split among its townships and its reports
        city.viewport(phone.width, phone.height, phone.mobile);
        try {
            city.go(base + "/#/inbox?year=" + year);
            assertThat(city.text(inboxRow)).contains("20场");
            phoneCheck(city, "district-inbox");
            city.click(inboxRow + " td.title a");
            city.waitFor(d -> city.all("[data-test=children] tr[data-unit]").size() == TOWNSHIPS.size());
            phoneCheck(city, "district-allocation");
            city.go(base + "/#/reports?year=" + year + "&period=" + year + "-Q1&unit=ALL");
            city.visible("[data-test=owed]");
            phoneCheck(city, "district-reports");
        } finally {
            city.viewport(RightsDeskJourney.Screen.DESK.width, RightsDeskJourney.Screen.DESK.height, false);
        }
    }

    /** The unit named in the first column of each row, in order. */
    private static List<String> units(Browser b, String section) {
        return b.all(section + " tbody tr[data-row] td:first-child").stream()
                .map(WebElement::getText)
                .toList();
    }

    /** The text of each row of a table of the page, in order. */
    private static List<String> rows(Browser b, String section) {
        return b.all(section + " tbody tr[data-row]").stream()
                .map(WebElement::getText)
                .toList();
    }

    /** A phone-width page: kept as a screenshot and failed if anything on it would need sideways scrolling. */
    private static void phoneCheck(Browser b, String what) throws java.io.IOException {
        String shot = "phone-" + String.format("%02d", ++phoneStep) + "-" + what;
        b.screenshotPage(shot);
        b.assertNothingOverflowsSideways(shot);
    }

    @Test
    @Order(8)
    void rightsOfficersTakeACaseFromIntakeThroughATransferToItsFollowUpAtADesk() throws Exception {
        new RightsDeskJourney(platform, SHOTS, RightsDeskJourney.Screen.DESK).run();
    }

    @Test
    @Order(9)
    void rightsOfficersDoTheSameOnAPhoneWithoutScrollingSideways() throws Exception {
        new RightsDeskJourney(platform, SHOTS, RightsDeskJourney.Screen.PHONE).run();
    }

    /** The next plan year without a city plan, so the test can run again on the same platform state. */
    private static int freeYear(String cityToken) throws Exception {
        int candidate = LocalDate.now().getYear() + 1;
        JsonNode plans = platform.get("/api/planning/plans?size=200", cityToken);
        for (JsonNode p : plans.path("items")) {
            candidate = Math.max(candidate, p.path("year").asInt() + 1);
        }
        return candidate;
    }

    @Test
    @Order(10)
    void anAdministratorImportsUnitsWithADryRunAndCreatesAnAccountAtADesk() throws Exception {
        new AdminJourney(platform, SHOTS, RightsDeskJourney.Screen.DESK).run();
    }

    @Test
    @Order(11)
    void anAdministratorDoesTheSameOnAPhoneWithoutScrollingSideways() throws Exception {
        new AdminJourney(platform, SHOTS, RightsDeskJourney.Screen.PHONE).run();
    }
}
