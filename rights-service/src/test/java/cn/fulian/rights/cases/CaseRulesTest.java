package cn.fulian.rights.cases;

import static cn.fulian.rights.support.Tokens.cangshanRights;
import static cn.fulian.rights.support.Tokens.gudongRights;
import static cn.fulian.rights.support.Tokens.gudongStaff;
import static cn.fulian.rights.support.Tokens.gulouRights;
import static cn.fulian.rights.support.Tokens.guxiRights;
import static org.assertj.core.api.Assertions.assertThat;

import cn.fulian.rights.support.DemoUnits;
import cn.fulian.rights.support.Desk;
import cn.fulian.rights.support.Desk.Reply;
import cn.fulian.rights.support.MutableClock;
import cn.fulian.rights.support.Person;
import cn.fulian.rights.support.RightsServiceTest;
import cn.fulian.rights.support.Tokens;
import cn.fulian.starter.orgunit.OrgUnitDirectory;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

@RightsServiceTest
class CaseRulesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    MutableClock clock;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    OrgUnitDirectory directory;

    Desk desk;

    @BeforeEach
    void setUp() {
        desk = new Desk(mvc);
        clock.setLocal(LocalDateTime.of(2026, 5, 6, 10, 30));
        DemoUnits.ensure(broker, directory);
    }

    long storedCases() {
        return mongo.getCollection("rights_cases").countDocuments();
    }

    Reply registerWith(Consumer<Map<String, Object>> change) {
        Map<String, Object> body = Desk.intake(Person.random());
        change.accept(body);
        return desk.post(gulouRights(), Desk.CASES, body);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> complainant(Map<String, Object> body) {
        return (Map<String, Object>) body.get("complainant");
    }

    static List<String> errorFields(Reply r) {
        return r.json()
                .get("errors")
                .valueStream()
                .map(e -> e.get("field").asString())
                .toList();
    }

    @Test
    void missingRequiredFieldsAreNamedAndNothingIsStored() {
        long before = storedCases();
        Reply r = registerWith(b -> {
            b.remove("channel");
            b.put("account", "   ");
            complainant(b).remove("name");
        });
        assertThat(r.status()).isEqualTo(400);
        assertThat(errorFields(r)).containsExactlyInAnyOrder("channel", "account", "complainant.name");
        assertThat(r.json().get("errors").get(0).get("message").asString()).isNotBlank();
        assertThat(storedCases()).isEqualTo(before);
    }

    @Test
    void anIdNumberWithAWrongCheckCharacterIsRefusedWithoutEchoingIt() {
        long before = storedCases();
        Reply r = registerWith(b -> complainant(b).put("idNumber", "350102198503142621"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(errorFields(r)).containsExactly("complainant.idNumber");
        assertThat(r.json().at("/errors/0/message").asString()).contains("身份证");
        assertThat(r.body()).doesNotContain("350102198503142621");
        assertThat(storedCases()).isEqualTo(before);
    }

    @Test
    void aPhoneNumberInTheWrongFormatIsRefused() {
        Reply r = registerWith(b -> complainant(b).put("phone", "1385901234"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(errorFields(r)).containsExactly("complainant.phone");
        assertThat(r.body()).doesNotContain("1385901234");
    }

    @Test
    void aLandlineIsAcceptedForAHotlineCall() {
        Reply r = registerWith(b -> complainant(b).put("phone", "0591-87654321"));
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.json().at("/complainant/phone").asString()).isEqualTo("059*****4321");
        JsonNode seen = desk.ok(gulouRights(), r.id(), "unmask", Map.of("reason", "核实来电号码"));
        assertThat(seen.at("/complainant/phone").asString()).isEqualTo("059187654321");
    }

    @Test
    void anUnknownCategoryOrChannelIsRefused() {
        long before = storedCases();
        Reply r = registerWith(b -> b.put("category", "TAX_FRAUD"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(errorFields(r)).containsExactly("category");
        assertThat(registerWith(b -> b.put("channel", "PIGEON")).status()).isEqualTo(400);
        assertThat(storedCases()).isEqualTo(before);
    }

    @Test
    void tooLongTextIsRefused() {
        Reply r = registerWith(b -> complainant(b).put("name", "林".repeat(51)));
        assertThat(r.status()).isEqualTo(400);
        assertThat(errorFields(r)).containsExactly("complainant.name");
    }

    @Test
    void onlyRightsOfficersRegisterCases() {
        long before = storedCases();
        Reply r = desk.post(gudongStaff(), Desk.CASES, Desk.intake(Person.random()));
        assertThat(r.status()).isEqualTo(403);
        assertThat(storedCases()).isEqualTo(before);
    }

    @Test
    void closingACaseThatIsNotInProgressConflictsAndChangesNothing() {
        String id = desk.register(gulouRights(), Desk.intake(Person.random()));
        Reply r = desk.act(gulouRights(), id, "close", Map.of("outcome", "RESOLVED", "summary", "已解决"));
        assertThat(r.status()).isEqualTo(409);
        JsonNode after = desk.getCase(gulouRights(), id).json();
        assertThat(after.at("/status/code").asString()).isEqualTo("REGISTERED");
        assertThat(after.get("timeline")).hasSize(1);
        assertThat(after.get("version").asLong()).isZero();
    }

    @Test
    void transfersGoOnlyToADirectChildOrTheParentAndToUnitsThatExist() {
        String id = desk.register(gulouRights(), Desk.intake(Person.random()));
        for (String target : List.of(
                Tokens.CANGSHAN,
                Tokens.CANGQIAN,
                Tokens.GULOU,
                "350100/350102/350102001/350102001001",
                "鼓东",
                "350100/350102/350102009",
                "350100/350102/350102077")) {
            Reply r = desk.act(gulouRights(), id, "transfers", Map.of("toUnit", target, "reason", "请协助"));
            assertThat(r.status()).as(target).isEqualTo(400);
            assertThat(errorFields(r)).as(target).containsExactly("toUnit");
        }
        assertThat(desk.getCase(gulouRights(), id).json().get("pendingTransfer").isNull())
                .isTrue();
    }

    @Test
    void actingOnACaseAnotherUnitHandlesIsForbiddenAndOutsideTheScopeItDoesNotExist() {
        String id = desk.register(gudongRights(), Desk.intake(Person.random()));

        Reply byParentOfficer = desk.act(gulouRights(), id, "accept", null);
        assertThat(byParentOfficer.status()).isEqualTo(403);
        Reply byStaffOfSameUnit = desk.act(gudongStaff(), id, "accept", null);
        assertThat(byStaffOfSameUnit.status()).isEqualTo(403);
        Reply bySibling = desk.act(guxiRights(), id, "accept", null);
        assertThat(bySibling.status()).isEqualTo(404);
        Reply byOtherDistrict = desk.act(cangshanRights(), id, "accept", null);
        assertThat(byOtherDistrict.status()).isEqualTo(404);
        assertThat(desk.getCase(cangshanRights(), id).status()).isEqualTo(404);
        assertThat(desk.getCase(gudongRights(), "no-such-case").status()).isEqualTo(404);

        assertThat(desk.getCase(gudongRights(), id).json().at("/status/code").asString())
                .isEqualTo("REGISTERED");
    }

    @Test
    void aStaleVersionIs412AndTheEarlierChangeIsKept() {
        String id = desk.register(gudongRights(), Desk.intake(Person.random()));
        Reply accepted = desk.post(gudongRights(), Desk.CASES + "/" + id + "/accept", Map.of("note", "受理"), "\"0\"");
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.etag()).isEqualTo("\"1\"");

        Reply stale = desk.post(
                gudongRights(), Desk.CASES + "/" + id + "/steps", Map.of("type", "MEDIATION", "note", "调解"), "\"0\"");
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.etag()).isEqualTo("\"1\"");
        assertThat(stale.json().get("type").asString()).isEqualTo("urn:fulian:problem:precondition-failed");

        JsonNode after = desk.getCase(gudongRights(), id).json();
        assertThat(after.at("/status/code").asString()).isEqualTo("ACCEPTED");
        assertThat(after.get("timeline")).hasSize(2);
    }

    @Test
    void anActionWithoutIfMatchIs428AndChangesNothing() {
        String id = desk.register(gudongRights(), Desk.intake(Person.random()));
        assertThat(desk.getCase(gudongRights(), id).etag()).isEqualTo("\"0\"");

        Reply missing = desk.post(gudongRights(), Desk.CASES + "/" + id + "/accept", Map.of("note", "受理"));
        assertThat(missing.status()).isEqualTo(428);
        assertThat(missing.json().get("type").asString()).isEqualTo("urn:fulian:problem:precondition-required");
        Reply malformed = desk.post(gudongRights(), Desk.CASES + "/" + id + "/accept", Map.of("note", "受理"), "W/\"0\"");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("fields").asString()).isEqualTo("If-Match");

        assertThat(desk.getCase(gudongRights(), id).json().at("/status/code").asString())
                .isEqualTo("REGISTERED");
    }

    @Test
    void concurrentUpdatesEitherSucceedOrConflictAndNoSuccessfulOneIsLost() throws Exception {
        String id = desk.register(gudongRights(), Desk.intake(Person.random()));
        desk.ok(gudongRights(), id, "accept", null);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> steps = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String note = "第" + i + "次调解";
                steps.add(() -> desk.act(gudongRights(), id, "steps", Map.of("type", "MEDIATION", "note", note))
                        .status());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(steps)) {
                statuses.add(f.get());
            }
            assertThat(statuses).allMatch(s -> s == 200 || s == 412);
            long succeeded = statuses.stream().filter(s -> s == 200).count();
            JsonNode after = desk.getCase(gudongRights(), id).json();
            long recorded = after.get("timeline")
                    .valueStream()
                    .filter(t -> t.at("/type/code").asString().equals("STEP"))
                    .count();
            assertThat(recorded).isEqualTo(succeeded).isPositive();
        } finally {
            pool.shutdown();
        }
    }
}
