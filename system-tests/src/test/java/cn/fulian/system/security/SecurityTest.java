package cn.fulian.system.security;

import static cn.fulian.system.PlatformApi.GATEWAY;
import static cn.fulian.system.PlatformApi.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import cn.fulian.system.FreeYear;
import cn.fulian.system.LaunchedPlatform;
import cn.fulian.system.PlatformApi;
import cn.fulian.system.PlatformApi.Answer;
import cn.fulian.system.SharedPlatform;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The platform's security as an outsider meets it, through the gateway and straight at every service port: tokens
 * that are expired, signed by another key, unsigned, from another issuer, for another audience or edited are refused;
 * each role gets exactly the answer the scope rules give it for objects of its own, its parent's, its child's and the
 * other district's unit; a rights case's personal data reaches neither Kafka, nor the log files, nor anyone who may
 * not see it.
 */
@ExtendWith(SharedPlatform.class)
@TestMethodOrder(OrderAnnotation.class)
class SecurityTest {

    static final String CITY = "350100";
    static final String GULOU = "350100/350102";
    static final String CANGSHAN = "350100/350104";
    static final String GUDONG = "350100/350102/350102001";

    static final Duration SETTLE = Duration.ofSeconds(90);
    static final List<String> APIS = List.of("planning", "activities", "rights", "reports");

    static final PlatformApi api = new PlatformApi();
    static TrustedTestKey trusted;
    static int year;
    /** Ids of the objects the matrix acts on, by a name like {@code assignment:gulou}. */
    static final Map<String, String> ids = new LinkedHashMap<>();

    static String name;
    static String phone;
    static String idNumber;

    @BeforeAll
    static void writeObjectsAtEveryLevel() throws Exception {
        String city = api.token("city-staff");
        year = FreeYear.pick(api, city);
        trusted = TrustedTestKey.install(api);

        Map<String, Object> indicator =
                Map.of("name", "培训妇女人次", "unit", "人次", "kind", "COUNT", "direction", "AT_LEAST", "target", 100);
        Map<String, Object> plan = Map.of(
                "year",
                year,
                "title",
                year + "年安全测试工作要点",
                "workAreas",
                List.of("服务妇女发展"),
                "tasks",
                List.of(Map.of(
                        "workArea",
                        "服务妇女发展",
                        "title",
                        "培训妇女100人次",
                        "dueDate",
                        year + "-12-31",
                        "indicator",
                        indicator)));
        JsonNode created = api.post(GATEWAY + "/api/planning/plans", city, plan)
                .expect(201)
                .json();
        String planId = created.path("id").asString();
        String taskId = created.path("tasks").get(0).path("id").asString();
        api.post(GATEWAY + "/api/planning/plans/" + planId + "/publish", city, null)
                .expect(200);
        ids.put("plan:city", planId);
        for (String unit : List.of(CITY, GULOU, CANGSHAN, GUDONG)) {
            ids.put("assignment:" + short_(unit), "asg-" + taskId + "-" + unit.substring(unit.lastIndexOf('/') + 1));
        }
        allocate(city, ids.get("assignment:city"), Map.of("350102", 60, "350104", 40));
        String gulou = api.token("gulou-staff");
        String cangshan = api.token("cangshan-staff");
        api.post(GATEWAY + "/api/planning/assignments/" + ids.get("assignment:gulou") + "/acknowledge", gulou, null)
                .expect(200);
        api.post(
                        GATEWAY + "/api/planning/assignments/" + ids.get("assignment:cangshan") + "/acknowledge",
                        cangshan,
                        null)
                .expect(200);
        allocate(gulou, ids.get("assignment:gulou"), Map.of("350102001", 60));

        String gudong = api.token("gudong-staff");
        ids.put("activity:city", activity(city, "市妇联巾帼宣讲"));
        ids.put("activity:gulou", activity(gulou, "鼓楼区巾帼宣讲"));
        ids.put("activity:cangshan", activity(cangshan, "仓山区巾帼宣讲"));
        ids.put("activity:gudong", activity(gudong, "鼓东街道巾帼宣讲"));
        ids.put("activity:gudong:direct", activity(gudong, "鼓东街道巾帼宣讲(二)"));

        ids.put("report:gudong", report(gudong, ids.get("assignment:gudong"), year + "-Q1"));
        ids.put("report:gudong:direct", report(gudong, ids.get("assignment:gudong"), year + "-Q2"));
        ids.put("report:gulou", report(gulou, ids.get("assignment:gulou"), year + "-Q1"));
        ids.put("report:cangshan", report(cangshan, ids.get("assignment:cangshan"), year + "-Q1"));

        name = "欧阳"
                + List.of("淑芬", "慧敏", "玉兰", "秀珍")
                        .get(ThreadLocalRandom.current().nextInt(4));
        phone = "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        idNumber = IdNumbers.random("350102");
        String officer = api.token("gulou-rights");
        ids.put("case:gulou", registerCase(officer));
        ids.put("case:gulou:direct", registerCase(officer));
    }

    @AfterAll
    static void removeTheTestKey() throws Exception {
        if (trusted != null) {
            trusted.close();
        }
    }

    // --- (a) tokens --------------------------------------------------------------------------------------------------

    @Test
    @Order(1)
    void aTokenSignedByTheRealmsPublishedTestKeyIsAcceptedEverywhereSoTheRefusalsBelowAreAboutOneDefectEach()
            throws Exception {
        String good = trusted.sign(claims(c -> c));
        eventually(SETTLE, () -> {
            for (String url : meUrls()) {
                Answer me = api.get(url, good);
                assertThat(me.status())
                        .as("%s with a well-formed test token: %s", url, me.body())
                        .isEqualTo(200);
                assertThat(me.json().path("unitPath").asString()).isEqualTo(GULOU);
            }
        });
        String real = api.token("gulou-staff");
        for (String url : meUrls()) {
            api.get(url, real).expect(200);
        }
    }

    @Test
    @Order(2)
    void expiredTokenIsRefused() throws Exception {
        Instant past = Instant.now().minus(Duration.ofMinutes(30));
        assertRefusedEverywhere(
                trusted.sign(claims(c -> c.issueTime(Date.from(past))
                        .notBeforeTime(null)
                        .expirationTime(Date.from(past.plus(Duration.ofMinutes(5)))))),
                "expired");
    }

    @Test
    @Order(3)
    void tokenFromAnotherIssuerIsRefused() throws Exception {
        assertRefusedEverywhere(
                trusted.sign(claims(c -> c.issuer(PlatformApi.KEYCLOAK + "/realms/master"))), "another issuer");
    }

    @Test
    @Order(4)
    void tokenForAnotherAudienceIsRefused() throws Exception {
        assertRefusedEverywhere(trusted.sign(claims(c -> c.audience(List.of("account")))), "another audience");
    }

    @Test
    @Order(5)
    void tokenSignedByAKeyTheRealmDoesNotPublishIsRefused() throws Exception {
        RSAKey stranger = new RSAKeyGenerator(2048).generate();
        assertRefusedEverywhere(TrustedTestKey.sign(claims(c -> c), stranger, trusted.kid), "the test key's id");
        String realKid = SignedJWT.parse(api.token("gulou-staff")).getHeader().getKeyID();
        assertRefusedEverywhere(TrustedTestKey.sign(claims(c -> c), stranger, realKid), "Keycloak's key id");
    }

    @Test
    @Order(6)
    void unsignedTokenWithAlgNoneIsRefused() throws Exception {
        String real = api.token("gulou-staff");
        String header = base64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        String payload = real.split("\\.")[1];
        assertRefusedEverywhere(header + "." + payload + ".", "alg none");
    }

    @Test
    @Order(7)
    void realTokenWhoseOrgUnitWasEditedToTheCityIsRefused() throws Exception {
        String real = api.token("gulou-staff");
        String[] parts = real.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        assertThat(payload).contains("\"org_unit\":\"350100/350102\"");
        String edited = base64(payload.replace("\"org_unit\":\"350100/350102\"", "\"org_unit\":\"350100\""));
        assertRefusedEverywhere(parts[0] + "." + edited + "." + parts[2], "org_unit edited");
    }

    // --- (b) scope matrix --------------------------------------------------------------------------------------------

    @Test
    @Order(10)
    void planningAnswersEachRoleByScopeForAssignmentsAndPlans() throws Exception {
        Matrix m = new Matrix("planning");
        m.readEach("assignment", "/api/planning/assignments/%s", List.of("city", "gulou", "cangshan", "gudong"));
        // a plan is read by every unit that works to it, below the unit that wrote it
        m.cells("GET", "/api/planning/plans/%s", "plan:city", null, answers(USERS, List.of(), List.of()));
        // 催办 is the direct parent's: 鼓楼 reminds 鼓东 (repeatable while 鼓东 has not acknowledged)
        m.cells("POST", "/api/planning/assignments/%s/remind", "assignment:gudong", null, ONLY_GULOU_STAFF_ON_GUDONG);
        m.cells(
                "POST",
                "/api/planning/assignments/%s/acknowledge",
                "assignment:gudong",
                null,
                answers(List.of(), List.of("cangshan-staff"), List.of("city-staff", "gulou-staff", "leader", "admin")));
        m.run();
    }

    @Test
    @Order(11)
    void activityServiceAnswersEachRoleByScopeForReadingAndVoiding() throws Exception {
        Matrix m = new Matrix("activities");
        m.readEach("activity", "/api/activities/%s", List.of("city", "gulou", "cangshan", "gudong"));
        m.cells(
                "POST",
                "/api/activities/%s/void",
                "activity:gudong",
                SecurityTest::voidBody,
                answers(
                        List.of("gudong-staff"),
                        List.of("cangshan-staff"),
                        List.of("city-staff", "gulou-staff", "gulou-rights", "leader", "admin")));
        m.cells(
                "POST",
                "/api/activities/%s/void",
                "activity:gulou",
                SecurityTest::voidBody,
                answers(List.of(), List.of("gudong-staff", "cangshan-staff"), List.of("city-staff")));
        m.run();
    }

    @Test
    @Order(12)
    void rightsServiceAnswersEachRoleByScopeForReadingAndAcceptingACase() throws Exception {
        Matrix m = new Matrix("rights");
        m.read("case:gulou", "/api/rights/cases/%s", "gulou");
        m.cells("POST", "/api/rights/cases/%s/accept", "case:gulou", x -> Map.of(), ONLY_GULOU_RIGHTS_ON_GULOU);
        m.cells(
                "POST",
                "/api/rights/cases/%s/unmask",
                "case:gulou",
                x -> Map.of("reason", "核实身份"),
                ONLY_GULOU_RIGHTS_ON_GULOU);
        m.run();
    }

    @Test
    @Order(13)
    void reportingAnswersEachRoleByScopeForReportsApprovalAndDashboards() throws Exception {
        Matrix m = new Matrix("reports");
        m.readEach("report", "/api/reports/progress-reports/%s", List.of("gulou", "cangshan", "gudong"));
        for (String owner : List.of("city", "gulou", "cangshan", "gudong")) {
            ids.put("unit:" + owner, unitOf(owner) + "&year=" + year);
        }
        m.readEach("unit", "/api/reports/dashboard?unit=%s", List.of("city", "gulou", "cangshan", "gudong"));
        m.cells("POST", "/api/reports/progress-reports/%s/approve", "report:gudong", null, ONLY_GULOU_STAFF_ON_GUDONG);
        m.cells(
                "POST",
                "/api/reports/progress-reports/%s/approve",
                "report:gulou",
                null,
                answers(List.of(), List.of("gudong-staff", "cangshan-staff"), List.of("gulou-staff", "leader")));
        m.run();
    }

    // --- (c) personal data -------------------------------------------------------------------------------------------

    @Test
    @Order(20)
    void personalDataOfACaseIsShownToItsOfficerOnRequestAndMaskedForEveryoneElse() throws Exception {
        String id = ids.get("case:gulou");
        Answer opened = api.get(GATEWAY + "/api/rights/cases/" + id, api.token("gulou-rights"))
                .expect(200);
        assertThat(opened.json().path("personalData").asString()).isEqualTo("MASKED");
        assertNoPersonalData(opened.body(), "the officer opening the case");
        Answer officer = api.post(
                        GATEWAY + "/api/rights/cases/" + id + "/unmask",
                        api.token("gulou-rights"),
                        Map.of("reason", "回访前核实联系方式"))
                .expect(200);
        assertThat(officer.json().path("personalData").asString()).isEqualTo("UNMASKED");
        assertThat(officer.body()).contains(name, phone, idNumber);
        JsonNode read = api.get(
                        GATEWAY + "/api/rights/audit?caseId=" + id + "&username=gulou-rights", api.token("admin"))
                .expect(200)
                .json()
                .path("items")
                .path(0);
        assertThat(read.path("reason").asString()).isEqualTo("回访前核实联系方式");

        for (String user : List.of("gulou-staff", "city-staff", "leader", "admin")) {
            Answer other = api.get(GATEWAY + "/api/rights/cases/" + id, api.token(user))
                    .expect(200);
            assertThat(other.json().path("personalData").asString()).as(user).isEqualTo("MASKED");
            assertThat(other.json().path("complainant").path("name").asString())
                    .as(user)
                    .isEqualTo(name.charAt(0) + "**");
            assertNoPersonalData(other.body(), user + " reading the case");
        }
        for (String user : List.of("gulou-rights", "gulou-staff", "leader")) {
            Answer list = api.get(GATEWAY + "/api/rights/cases?size=100", api.token(user))
                    .expect(200);
            assertThat(list.body()).as("%s's case list", user).contains(id);
            assertNoPersonalData(list.body(), user + " listing cases");
        }
        int thisYear = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear();
        for (String unit : List.of(CITY, GULOU)) {
            Answer dashboard = api.get(
                            GATEWAY + "/api/reports/dashboard?unit=" + unit + "&year=" + thisYear, api.token("leader"))
                    .expect(200);
            assertThat(dashboard.json().path("rights").path("received").asLong())
                    .isGreaterThanOrEqualTo(2);
            assertNoPersonalData(dashboard.body(), "the leader's dashboard of " + unit);
        }
    }

    @Test
    @Order(21)
    void rightsEventsOnKafkaCarryNoPersonalData() throws Exception {
        String officer = api.token("gulou-rights");
        String id = registerCase(officer);
        ids.put("case:events", id);
        String base = GATEWAY + "/api/rights/cases/" + id;
        api.post(base + "/accept", officer, Map.of("note", "联系人" + name), api.etag(base, officer))
                .expect(200);
        api.post(
                        base + "/steps",
                        officer,
                        Map.of("type", "MEDIATION", "note", "与" + name + "调解,电话" + phone),
                        api.etag(base, officer))
                .expect(200);
        api.post(
                        base + "/close",
                        officer,
                        Map.of("outcome", "MEDIATED", "summary", name + "已调解"),
                        api.etag(base, officer))
                .expect(200);

        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + LaunchedPlatform.KAFKA_PORT);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "security-test-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions =
                    consumer.partitionsFor("rights.events.v1", Duration.ofSeconds(30)).stream()
                            .map(p -> new TopicPartition(p.topic(), p.partition()))
                            .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            eventually(SETTLE, () -> {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofSeconds(1))) {
                    values.add(r.key() + " " + r.value());
                }
                assertThat(values.stream().filter(v -> v.contains(id)))
                        .as("events of case %s", id)
                        .anySatisfy(v -> assertThat(v).contains("CaseRegistered"))
                        .anySatisfy(v -> assertThat(v).contains("CaseClosed"));
            });
        }
        for (String value : values) {
            assertNoPersonalData(value, "an event on rights.events.v1");
        }
    }

    @Test
    @Order(22)
    void serviceLogFilesNeverContainPersonalData() throws Exception {
        Path logs = LaunchedPlatform.shared().logs();
        List<Path> files;
        try (Stream<Path> list = Files.list(logs)) {
            files = list.filter(Files::isRegularFile).toList();
        }
        assertThat(files.stream().map(f -> f.getFileName().toString()))
                .contains("rights-service.log", "gateway.log", "reporting-service.log");
        StringBuilder rights = new StringBuilder();
        for (Path file : files) {
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            assertNoPersonalData(text, "log file " + file.getFileName());
            if (file.getFileName().toString().equals("rights-service.log")) {
                rights.append(text);
            }
        }
        assertThat(rights.toString())
                .as("the rights service logs the case by its id")
                .contains(ids.get("case:events"));
    }

    // ---------------------------------------------------------------------------------------------------------------

    static final List<String> USERS =
            List.of("city-staff", "gulou-staff", "cangshan-staff", "gudong-staff", "leader", "gulou-rights", "admin");

    /**
     * The status each user must get for one request: 200 for {@code allowed}, 404 for {@code outside} (the object is
     * not in their scope, so they cannot know it exists), 403 for {@code refused} (they see it but may not do this).
     */
    static Map<String, Integer> answers(List<String> allowed, List<String> outside, List<String> refused) {
        Map<String, Integer> answers = new LinkedHashMap<>();
        allowed.forEach(user -> answers.put(user, 200));
        outside.forEach(user -> answers.put(user, 404));
        refused.forEach(user -> answers.put(user, 403));
        assertThat(answers).as("one answer per user").hasSize(allowed.size() + outside.size() + refused.size());
        return answers;
    }

    /** What only the direct parent's staff may do to 鼓东's object (催办, approval). */
    static final Map<String, Integer> ONLY_GULOU_STAFF_ON_GUDONG = answers(
            List.of("gulou-staff"),
            List.of("cangshan-staff"),
            List.of("city-staff", "gudong-staff", "leader", "admin"));

    /** What only 鼓楼's rights officer may do to a 鼓楼 case. */
    static final Map<String, Integer> ONLY_GULOU_RIGHTS_ON_GULOU = answers(
            List.of("gulou-rights"),
            List.of("cangshan-staff", "gudong-staff"),
            List.of("gulou-staff", "city-staff", "leader", "admin"));

    /** Who may read an object of each owner: the owner's unit and every unit above it. */
    static int readAnswer(String user, String owner) {
        String unit = switch (user) {
            case "city-staff", "leader", "admin" -> CITY;
            case "gulou-staff", "gulou-rights" -> GULOU;
            case "cangshan-staff" -> CANGSHAN;
            default -> GUDONG;
        };
        String objectUnit = unitOf(owner);
        return objectUnit.equals(unit) || objectUnit.startsWith(unit + "/") ? 200 : 404;
    }

    static String unitOf(String owner) {
        return switch (owner) {
            case "city" -> CITY;
            case "gulou" -> GULOU;
            case "cangshan" -> CANGSHAN;
            default -> GUDONG;
        };
    }

    /**
     * One table of (user, method, path, object) cells with the status each must answer, run through the gateway and
     * then straight at the service; every cell is asked before the test fails, with a table of those that differ.
     */
    final class Matrix {
        private final String service;
        private final List<Cell> cells = new ArrayList<>();

        record Cell(
                String method, String path, String object, String user, Function<String, Object> body, int expected) {}

        Matrix(String service) {
            this.service = service;
        }

        /** Every user reads the object, and gets what {@link #readAnswer} says for its owner. */
        void read(String object, String path, String owner) {
            for (String user : USERS) {
                cells.add(new Cell("GET", path, object, user, null, readAnswer(user, owner)));
            }
        }

        /** Every user reads the object {@code <kind>:<owner>} of each owner. */
        void readEach(String kind, String path, List<String> owners) {
            for (String owner : owners) {
                read(kind + ":" + owner, path, owner);
            }
        }

        /** The same request by each user in {@code expected}, with the status that user must get. */
        void cells(
                String method,
                String path,
                String object,
                Function<String, Object> body,
                Map<String, Integer> expected) {
            expected.forEach((user, status) -> cells.add(new Cell(method, path, object, user, body, status)));
        }

        /**
         * Refusals first, then what is allowed (which may change the object); the direct pass acts on its own copy of
         * an object ({@code <name>:direct}) where one exists, so an allowed change is made once per pass.
         */
        void run() throws Exception {
            List<String> failures = new ArrayList<>();
            for (boolean direct : new boolean[] {false, true}) {
                List<Cell> ordered = new ArrayList<>(cells);
                ordered.sort((a, b) -> Boolean.compare(a.expected() < 300, b.expected() < 300));
                for (Cell c : ordered) {
                    String object =
                            direct && ids.containsKey(c.object() + ":direct") ? c.object() + ":direct" : c.object();
                    String id = ids.get(object);
                    String url = PlatformApi.base(service, direct) + c.path().formatted(id);
                    String token = api.token(c.user());
                    Object body = c.body() == null ? null : c.body().apply(id);
                    Answer answer =
                            "GET".equals(c.method()) ? api.get(url, token) : api.post(url, token, body, versionOf(url));
                    if (answer.status() != c.expected()) {
                        failures.add(String.format(
                                "%-8s %-15s %-5s %-45s %-22s %8d %4d  %s",
                                direct ? "direct" : "gateway",
                                c.user(),
                                c.method(),
                                c.path(),
                                object,
                                c.expected(),
                                answer.status(),
                                abbreviate(answer.body())));
                    }
                }
            }
            assertThat(failures)
                    .as(
                            "answers that differ from the scope rules:%n%-8s %-15s %-5s %-45s %-22s %8s %4s  %s%n%s",
                            "via",
                            "user",
                            "verb",
                            "path",
                            "object",
                            "expected",
                            "got",
                            "body",
                            String.join(System.lineSeparator(), failures))
                    .isEmpty();
        }
    }

    /** The version of the record an action URL acts on ({@code …/{id}/void} → {@code …/{id}}) as admin reads it. */
    private static String versionOf(String actionUrl) {
        return api.get(actionUrl.substring(0, actionUrl.lastIndexOf('/')), api.token("admin"))
                .etag();
    }

    private static String abbreviate(String body) {
        return body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }

    private static Object voidBody(String activityId) {
        return Map.of("reason", "安全测试作废");
    }

    private static void assertRefusedEverywhere(String token, String what) {
        for (String url : meUrls()) {
            Answer answer = api.get(url, token);
            assertThat(answer.status())
                    .as("%s with a token (%s): %s", url, what, answer.body())
                    .isEqualTo(401);
        }
    }

    private static List<String> meUrls() {
        List<String> urls = new ArrayList<>();
        for (String service : APIS) {
            urls.add(GATEWAY + "/api/" + service + "/me");
            urls.add(PlatformApi.base(service, true) + "/api/" + service + "/me");
        }
        return urls;
    }

    /** gulou-staff's real claims from Keycloak, changed by {@code edit}, valid for five more minutes. */
    private static JWTClaimsSet claims(Function<JWTClaimsSet.Builder, JWTClaimsSet.Builder> edit) throws Exception {
        JWTClaimsSet real = SignedJWT.parse(api.token("gulou-staff")).getJWTClaimsSet();
        Instant now = Instant.now();
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder(real)
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))));
        return edit.apply(builder).build();
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertNoPersonalData(String text, String where) {
        assertThat(text)
                .as("personal data in %s", where)
                .doesNotContain(name)
                .doesNotContain(phone)
                .doesNotContain(phone.substring(0, 3) + " " + phone.substring(3, 7) + " " + phone.substring(7))
                .doesNotContain(idNumber);
    }

    private static String short_(String unit) {
        return switch (unit) {
            case CITY -> "city";
            case GULOU -> "gulou";
            case CANGSHAN -> "cangshan";
            default -> "gudong";
        };
    }

    private static void allocate(String token, String assignmentId, Map<String, Integer> targets) {
        List<Map<String, Object>> items = new ArrayList<>();
        targets.forEach((code, target) -> items.add(Map.of("unitCode", code, "target", target)));
        api.post(
                        GATEWAY + "/api/planning/assignments/" + assignmentId + "/allocations",
                        token,
                        Map.of("allocations", items),
                        api.etag(GATEWAY + "/api/planning/assignments/" + assignmentId, token))
                .expect(200);
    }

    private static String activity(String token, String title) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "LECTURE");
        body.put("title", title);
        body.put("year", year);
        body.put("startDate", year + "-03-08");
        body.put("endDate", year + "-03-08");
        body.put("metrics", Map.of("sessions", 1, "participants", 80));
        return api.post(GATEWAY + "/api/activities", token, body)
                .expect(201)
                .json()
                .path("id")
                .asString();
    }

    private static String report(String token, String assignmentId, String period) throws Exception {
        String[] id = {null};
        eventually(SETTLE, () -> {
            Answer submitted = api.post(
                    GATEWAY + "/api/reports/progress-reports",
                    token,
                    Map.of(
                            "assignmentId",
                            assignmentId,
                            "period",
                            period,
                            "value",
                            10,
                            "correctionExplanation",
                            "线下活动尚未录入"));
            assertThat(submitted.status()).as("report: %s", submitted.body()).isIn(200, 201);
            id[0] = submitted.json().path("id").asString();
        });
        return id[0];
    }

    private static String registerCase(String officer) {
        Map<String, Object> body = Map.of(
                "channel",
                "HOTLINE_12338",
                "category",
                "MARRIAGE_FAMILY",
                "urgent",
                false,
                "complainant",
                Map.of(
                        "name",
                        name,
                        "phone",
                        phone.substring(0, 3) + " " + phone.substring(3, 7) + " " + phone.substring(7),
                        "idNumber",
                        idNumber,
                        "address",
                        "福州市鼓楼区测试路1号"),
                "respondent",
                Map.of("name", "陈某某", "relation", "丈夫"),
                "account",
                "当事人" + name + "来电反映家庭矛盾,电话" + phone);
        JsonNode c = api.post(GATEWAY + "/api/rights/cases", officer, body)
                .expect(201)
                .json();
        // even the officer who registers it gets the case back masked; she asks for it in clear when she needs it
        assertThat(c.path("complainant").path("idNumber").asString())
                .isEqualTo(idNumber.substring(0, 4) + "**********" + idNumber.substring(14));
        assertThat(c.path("caseNumber").asString()).matches("^鼓楼-\\d{4}-\\d{4}$");
        return c.path("id").asString();
    }
}
