package cn.fulian.system.federation;

import static cn.fulian.system.PlatformApi.GATEWAY;
import static org.assertj.core.api.Assertions.assertThat;

import cn.fulian.system.LaunchedPlatform;
import cn.fulian.system.PlatformApi;
import cn.fulian.system.PlatformApi.Answer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * Another federation set up from its settings alone: 清溪县妇联, a county with towns, communities, villages and units
 * without a division code ({@code infra/federations/qingxi/}). The platform starts from the settings file and its tree
 * with no demo data and no demo accounts; the county's administrator logs in with the first password the launcher
 * printed, creates accounts through the platform for the county, a town and a village, who log in through Keycloak and
 * choose their own passwords; the town writes its own plan beside the county's targets and allocates both to its
 * villages; a village records what it did; and the county's dashboard shows the town's own and allocated tasks.
 */
@TestMethodOrder(OrderAnnotation.class)
class CountyFederationTest {

    static final Duration SETTLE = Duration.ofMinutes(3);
    static final PlatformApi api = new PlatformApi();
    static final int YEAR = LocalDate.now().getYear();
    static final Map<String, String> passwords = new LinkedHashMap<>();
    /** Tokens by account, with when they were issued: the production realm's tokens live ten minutes. */
    static final Map<String, String> tokens = new java.util.concurrent.ConcurrentHashMap<>();

    static final Map<String, Long> issued = new java.util.concurrent.ConcurrentHashMap<>();

    static LaunchedPlatform platform;
    static JsonNode root;
    static JsonNode town;
    static JsonNode otherTown;
    static List<JsonNode> villages;
    static String countyTask;
    static String townTask;

    @BeforeAll
    static void startTheCountysInstallation() throws Exception {
        Path repo = LaunchedPlatform.root();
        Path state = Path.of("target/qingxi-state").toAbsolutePath();
        LaunchedPlatform.deleteRecursively(state);
        platform = LaunchedPlatform.start(
                repo,
                state,
                "qingxi",
                LaunchedPlatform.PORTS,
                Map.of("FEDERATION_SETTINGS", "infra/federations/qingxi/federation.yaml"));
    }

    @AfterAll
    static void stopIt() throws InterruptedException {
        if (platform != null) {
            platform.stopAndAssertNothingIsLeft();
        }
    }

    @Test
    @Order(1)
    void theInstallationHasNoDemoAccountsAndItsAdministratorChoosesANewPasswordAtTheFirstLogin() throws Exception {
        String output = Files.readString(platform.output(), StandardCharsets.UTF_8);
        assertThat(output).contains("清溪县妇联").doesNotContain("Demo accounts");
        Matcher printed = Pattern.compile("Administrator of 清溪县: user \"admin\", first password (\\S+)")
                .matcher(output);
        assertThat(printed.find())
                .as("the first password in the launcher's ready block:%n%s", output)
                .isTrue();

        assertThat(BrowserLogin.login(GATEWAY, "city-staff", "demo", null).loggedIn())
                .as("the 福州 demo accounts do not exist here")
                .isFalse();
        assertThat(api.passwordGrant("admin", printed.group(1)).status())
                .as("a production realm gives no token for a password sent by a script")
                .isIn(400, 401);
        BrowserLogin.Result withoutNewPassword = BrowserLogin.login(GATEWAY, "admin", printed.group(1), null);
        assertThat(withoutNewPassword.askedForNewPassword()).isTrue();
        assertThat(withoutNewPassword.loggedIn())
                .as("a temporary password does not log in before it is changed")
                .isFalse();
        firstLogin("admin", printed.group(1));

        root = api.get(GATEWAY + "/api/planning/org-units/350199", admin())
                .expect(200)
                .json();
        assertThat(root.path("name").asString()).isEqualTo("清溪县");
        assertThat(root.path("path").asString()).isEqualTo("350199");
        assertThat(api.get(GATEWAY + "/api/planning/org-units/350100", admin()).status())
                .as("福州's tree is not loaded")
                .isEqualTo(404);
    }

    @Test
    @Order(2)
    void theTreeIsTheCountysOwnWithTownsVillagesAndUnitsWithoutADivisionCode() {
        List<JsonNode> children = children("350199");
        List<JsonNode> towns = children.stream()
                .filter(u -> u.path("code").asString().matches("\\d{9}"))
                .sorted(Comparator.comparing(u -> u.path("code").asString()))
                .toList();
        assertThat(towns).as("towns of 清溪县: %s", children).hasSizeGreaterThanOrEqualTo(2);
        assertThat(children)
                .as("units without a division code under the county")
                .anySatisfy(u -> assertThat(u.path("code").asString()).contains("-"));
        town = towns.get(0);
        otherTown = towns.get(1);
        villages = children(town.path("code").asString()).stream()
                .filter(u -> u.path("code").asString().matches("\\d{12}"))
                .toList();
        assertThat(villages)
                .as("communities and villages of %s", town.path("name"))
                .hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    @Order(3)
    void theAdministratorCreatesAccountsForTheCountyATownAndAVillageWhoLogInWithTheirOwnPasswords() throws Exception {
        create("qx-county", "县妇联干事", "350199", List.of("staff"));
        JsonNode townStaff = create("qx-town", "镇妇联主席", code(town), List.of("staff"));
        assertThat(townStaff.path("user").path("roles").toString()).contains("district");
        JsonNode villageStaff = create("qx-village", "村妇联主席", code(villages.get(0)), List.of("staff"));
        assertThat(villageStaff.path("user").path("unitPath").asString()).isEqualTo(path(villages.get(0)));
        create("qx-town-admin", "镇妇联管理员", code(town), List.of("admin"));

        for (String username : List.of("qx-county", "qx-town", "qx-village", "qx-town-admin")) {
            firstLogin(username, passwords.get(username));
        }
        JsonNode me = api.get(GATEWAY + "/api/planning/me", token("qx-village"))
                .expect(200)
                .json();
        assertThat(me.toString()).contains(path(villages.get(0)));

        Answer taken = api.post(
                GATEWAY + "/api/planning/users",
                admin(),
                Map.of("username", "qx-town", "name", "重名", "unitCode", code(town), "roles", List.of("staff")));
        assertThat(taken.status()).isEqualTo(409);
    }

    @Test
    @Order(4)
    void aTownAdminManagesOnlyItsTownsAccountsAndStaffManageNone() throws Exception {
        String townAdmin = token("qx-town-admin");
        JsonNode listed =
                api.get(GATEWAY + "/api/planning/users", townAdmin).expect(200).json();
        List<String> names = new ArrayList<>();
        listed.path("items").forEach(u -> names.add(u.path("username").asString()));
        assertThat(names).containsExactlyInAnyOrder("qx-town", "qx-village", "qx-town-admin");

        Answer elsewhere = api.post(
                GATEWAY + "/api/planning/users",
                townAdmin,
                Map.of("username", "qx-other", "name", "外镇", "unitCode", code(otherTown), "roles", List.of("staff")));
        assertThat(elsewhere.status()).as(elsewhere.body()).isEqualTo(404);
        assertThat(api.get(GATEWAY + "/api/planning/users/qx-county", townAdmin).status())
                .isEqualTo(404);
        assertThat(api.get(GATEWAY + "/api/planning/users", token("qx-town")).status())
                .isEqualTo(403);

        // a disabled account cannot log in; enabled again, it can
        api.post(GATEWAY + "/api/planning/users/qx-village/disable", townAdmin, null)
                .expect(200);
        BrowserLogin.Result disabled = BrowserLogin.login(GATEWAY, "qx-village", passwords.get("qx-village"), null);
        assertThat(disabled.loggedIn()).as(disabled.page()).isFalse();
        api.post(GATEWAY + "/api/planning/users/qx-village/enable", townAdmin, null)
                .expect(200);
        assertThat(BrowserLogin.login(GATEWAY, "qx-village", passwords.get("qx-village"), null)
                        .loggedIn())
                .isTrue();

        JsonNode history = api.get(GATEWAY + "/api/planning/users/qx-village/history", townAdmin)
                .expect(200)
                .json();
        List<String> changes = new ArrayList<>();
        history.path("items").forEach(c -> changes.add(c.path("change").asString()));
        assertThat(changes).containsExactly("启用账号", "停用账号", "创建账号");
    }

    @Test
    @Order(5)
    void theCountyAllocatesItsTargetAndTheTownWritesAndAllocatesItsOwnPlan() {
        String county = token("qx-county");
        JsonNode countyPlan = importPlan(county, """
                year: %1$d
                title: %1$d年清溪县妇联工作要点
                overallRequirements: 团结带领全县广大妇女建功新时代。
                workAreas: [助力妇女就业创业]
                tasks:
                  - { workArea: 助力妇女就业创业, title: 举办妇女技能培训班10期, dueDate: "%1$d-12-31",
                      indicator: { name: 培训班期数, unit: 期, kind: COUNT, target: 10,
                                   source: { kind: ACTIVITY, metric: sessions } } }
                """.formatted(YEAR));
        countyTask = countyPlan.path("tasks").get(0).path("id").asString();
        allocate(county, asg(countyTask, "350199"), Map.of(code(town), 6, code(otherTown), 4));
        String townToken = token("qx-town");
        api.post(GATEWAY + "/api/planning/assignments/" + asg(countyTask, code(town)) + "/acknowledge", townToken, null)
                .expect(200);

        JsonNode townPlan =
                importPlan(townToken, """
                year: %1$d
                title: %1$d年%2$s妇联工作要点
                overallRequirements: 立足基层，服务妇女群众。
                workAreas: [家庭文明建设]
                tasks:
                  - { workArea: 家庭文明建设, title: 开展家庭教育讲座覆盖300人次, dueDate: "%1$d-12-31",
                      indicator: { name: 讲座参与人次, unit: 人次, kind: COUNT, target: 300,
                                   source: { kind: ACTIVITY, metric: participants } } }
                """.formatted(YEAR, town.path("name").asString()));
        assertThat(townPlan.path("unitPath").asString()).isEqualTo(path(town));
        townTask = townPlan.path("tasks").get(0).path("id").asString();

        String village = code(villages.get(0));
        String village2 = code(villages.get(1));
        allocate(townToken, asg(countyTask, code(town)), Map.of(village, 4, village2, 2));
        allocate(townToken, asg(townTask, code(town)), Map.of(village, 200, village2, 100));
        String villageToken = token("qx-village");
        for (String task : List.of(countyTask, townTask)) {
            api.post(GATEWAY + "/api/planning/assignments/" + asg(task, village) + "/acknowledge", villageToken, null)
                    .expect(200);
        }

        // the county reads the town's own plan but does not change it
        String townPlanId = townPlan.path("id").asString();
        api.get(GATEWAY + "/api/planning/plans/" + townPlanId, county).expect(200);
        assertThat(api.post(GATEWAY + "/api/planning/plans/" + townPlanId + "/publish", county, null)
                        .status())
                .isEqualTo(403);
    }

    @Test
    @Order(6)
    void aVillageRecordsWhatItDidAndTheCountysDashboardShowsTheTownsOwnAndAllocatedTasks() throws Exception {
        String village = code(villages.get(0));
        String villageToken = token("qx-village");
        LocalDate day = LocalDate.now().minusDays(3);
        Map<String, Object> training = activity("TRAINING", "妇女电商技能培训班", day);
        training.put("metrics", Map.of("sessions", 2, "participants", 60, "womenParticipants", 58));
        training.put("links", List.of(Map.of("assignmentId", asg(countyTask, village), "metric", "sessions")));
        api.post(GATEWAY + "/api/activities", villageToken, training).expect(201);
        Map<String, Object> lecture = activity("LECTURE", "家庭教育公益讲座", day);
        lecture.put("metrics", Map.of("sessions", 1, "participants", 80));
        lecture.put("links", List.of(Map.of("assignmentId", asg(townTask, village), "metric", "participants")));
        api.post(GATEWAY + "/api/activities", villageToken, lecture).expect(201);

        String county = token("qx-county");
        PlatformApi.eventually(SETTLE, () -> {
            JsonNode atCounty = dashboard(county, "350199");
            JsonNode countyRow = row(atCounty, countyTask);
            assertThat(countyRow.path("target").decimalValue()).isEqualByComparingTo("10");
            assertThat(countyRow.path("actual").decimalValue()).isEqualByComparingTo("2");
            assertThat(countyRow.path("origin").asString()).isEqualTo("OWN");

            JsonNode atTown = dashboard(county, path(town));
            JsonNode allocated = row(atTown, countyTask);
            assertThat(allocated.path("origin").asString()).isEqualTo("ALLOCATED");
            assertThat(allocated.path("planUnitName").asString()).isEqualTo("清溪县");
            assertThat(allocated.path("target").decimalValue()).isEqualByComparingTo("6");
            assertThat(allocated.path("actual").decimalValue()).isEqualByComparingTo("2");
            JsonNode own = row(atTown, townTask);
            assertThat(own.path("origin").asString()).isEqualTo("OWN");
            assertThat(own.path("target").decimalValue()).isEqualByComparingTo("300");
            assertThat(own.path("actual").decimalValue()).isEqualByComparingTo("80");
            assertThat(atTown.path("tasks")).hasSize(2);
        });
        // the other town sees neither the first town's own plan nor its figures
        Answer sibling =
                api.get(GATEWAY + "/api/reports/dashboard?unit=" + path(town) + "&year=" + YEAR, token("qx-county"));
        assertThat(sibling.status()).isEqualTo(200);
    }

    private static JsonNode create(String username, String name, String unitCode, List<String> roles) {
        JsonNode created = api.post(
                        GATEWAY + "/api/planning/users",
                        admin(),
                        Map.of("username", username, "name", name, "unitCode", unitCode, "roles", roles))
                .expect(201)
                .json();
        String temporary = created.path("temporaryPassword").asString();
        assertThat(temporary).hasSizeGreaterThanOrEqualTo(12);
        passwords.put(username, temporary);
        return created;
    }

    /** Logs in through Keycloak's pages with the temporary password and chooses a new one. */
    private static void firstLogin(String username, String temporary) throws Exception {
        String chosen = "Qx-" + username + "-2026!";
        BrowserLogin.Result result = BrowserLogin.login(GATEWAY, username, temporary, chosen);
        assertThat(result.askedForNewPassword())
                .as("%s asked for a new password", username)
                .isTrue();
        assertThat(result.loggedIn())
                .as(
                        "%s back at the console after choosing a password (nothing else asked): %s",
                        username, result.page())
                .isTrue();
        passwords.put(username, chosen);
        tokens.put(username, result.accessToken());
        issued.put(username, System.nanoTime());
    }

    private static String admin() {
        return token("admin");
    }

    /** The account's token from its last login; logs in again through Keycloak's pages when it is missing. */
    private static String token(String username) {
        if (System.nanoTime() - issued.getOrDefault(username, 0L)
                > Duration.ofMinutes(4).toNanos()) {
            tokens.remove(username);
        }
        return tokens.computeIfAbsent(username, u -> {
            issued.put(u, System.nanoTime());
            try {
                BrowserLogin.Result result = BrowserLogin.login(GATEWAY, u, passwords.get(u), null);
                assertThat(result.loggedIn())
                        .as("%s logs in: %s", u, result.page())
                        .isTrue();
                return result.accessToken();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static JsonNode importPlan(String token, String yaml) {
        JsonNode plan = api.postText(GATEWAY + "/api/planning/plans/import", token, "application/yaml", yaml)
                .expect(201)
                .json();
        api.post(GATEWAY + "/api/planning/plans/" + plan.path("id").asString() + "/publish", token, null)
                .expect(200);
        return plan;
    }

    private static void allocate(String token, String assignment, Map<String, Integer> split) {
        List<Map<String, Object>> items = new ArrayList<>();
        split.forEach((unit, target) -> items.add(Map.of("unitCode", unit, "target", target)));
        api.post(
                        GATEWAY + "/api/planning/assignments/" + assignment + "/allocations",
                        token,
                        Map.of("allocations", items),
                        api.etag(GATEWAY + "/api/planning/assignments/" + assignment, token))
                .expect(200);
    }

    private static Map<String, Object> activity(String type, String title, LocalDate day) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("title", title);
        body.put("year", YEAR);
        body.put("startDate", day.toString());
        body.put("endDate", day.toString());
        body.put("place", "村妇女之家");
        return body;
    }

    private static JsonNode dashboard(String token, String unit) {
        return api.get(GATEWAY + "/api/reports/dashboard?unit=" + unit + "&year=" + YEAR, token)
                .expect(200)
                .json();
    }

    private static JsonNode row(JsonNode dashboard, String taskId) {
        for (JsonNode r : dashboard.path("tasks")) {
            if (r.path("taskId").asString().equals(taskId)) {
                return r;
            }
        }
        throw new AssertionError("no row for task " + taskId + " in " + dashboard.path("tasks"));
    }

    private static List<JsonNode> children(String code) {
        JsonNode list = api.get(GATEWAY + "/api/planning/org-units/" + code + "/children", admin())
                .expect(200)
                .json();
        List<JsonNode> units = new ArrayList<>();
        (list.isArray() ? list : list.path("items")).forEach(units::add);
        return units;
    }

    private static String asg(String taskId, String unitCode) {
        return "asg-" + taskId + "-" + unitCode;
    }

    private static String code(JsonNode unit) {
        return unit.path("code").asString();
    }

    private static String path(JsonNode unit) {
        return unit.path("path").asString();
    }
}
