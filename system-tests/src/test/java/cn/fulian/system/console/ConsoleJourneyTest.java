package cn.fulian.system.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
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

    private static final Path ROOT =
            Path.of(System.getProperty("platform.root", "..")).toAbsolutePath().normalize();
    private static final Path STATE = Path.of(System.getProperty("platform.state", "target/platform-state"))
            .toAbsolutePath()
            .normalize()
            .resolveSibling("platform-state-console");
    private static final Path SHOTS = ROOT.resolve("system-tests/target/screenshots");

    private static final String TASK = "举办家庭教育公益讲座";
    private static final String GULOU = "350102";

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
        city.click("[data-test=publish]");
        city.waitFor(ExpectedConditions.alertIsPresent()).accept();
        city.waitFor(
                ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-test=plan-status]"), "已发布"));
        city.screenshot("05-plan-published");

        city.click("[data-test=allocate]");
        city.type("#t-" + GULOU, "15");
        city.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-test=sum]"), "还差5场"));
        assertThat(city.visible("[data-test=sum]").getAttribute("class")).contains("short");
        city.type("#t-" + GULOU, "20");
        city.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-test=sum]"), "与目标一致"));
        city.click("[data-test=save-allocation]");

        city.waitFor(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-test=children]")));
        assertThat(city.text("[data-test=children] tr[data-unit=鼓楼区]"))
                .contains("20场")
                .contains("待签收");
        assertThat(city.text("[data-test=not-acknowledged]")).contains("未签收 1 个");
        city.click("[data-test=children] tr[data-unit=鼓楼区] [data-test=remind]");
        city.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert.ok"), "催办"));
        city.screenshot("06-allocation-and-acknowledgements");
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
    }

    @Test
    @Order(5)
    void rightsOfficersTakeACaseFromIntakeThroughATransferToItsFollowUpAtADesk() throws Exception {
        new RightsDeskJourney(platform, SHOTS, RightsDeskJourney.Screen.DESK).run();
    }

    @Test
    @Order(6)
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
    @Order(8)
    void anAdministratorImportsUnitsWithADryRunAndCreatesAnAccountAtADesk() throws Exception {
        new AdminJourney(platform, SHOTS, RightsDeskJourney.Screen.DESK).run();
    }

    @Test
    @Order(9)
    void anAdministratorDoesTheSameOnAPhoneWithoutScrollingSideways() throws Exception {
        new AdminJourney(platform, SHOTS, RightsDeskJourney.Screen.PHONE).run();
    }
}
