package cn.fulian.rights.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fulian.rights.support.DemoUnits;
import cn.fulian.rights.support.Desk;
import cn.fulian.rights.support.Desk.Reply;
import cn.fulian.rights.support.MutableClock;
import cn.fulian.rights.support.Person;
import cn.fulian.rights.support.RightsServiceTest;
import cn.fulian.rights.support.Tokens;
import cn.fulian.starter.orgunit.OrgUnitDirectory;
import cn.fulian.starter.test.TestTokens;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/**
 * Who sees what of a case registered by 鼓楼区 and handled, after 交办, by 鼓东街道: exactly the rights officers of
 * those two units see personal data, and each of their reads is in the access record.
 */
@RightsServiceTest
class PrivacyMatrixTest {

    enum Sees {
        UNMASKED,
        MASKED,
        NOTHING
    }

    record Viewer(String who, String username, JwtRequestPostProcessor token, Sees sees) {}

    static final List<Viewer> MATRIX = List.of(
            new Viewer("rights officer of the handling unit", "gudong-rights", Tokens.gudongRights(), Sees.UNMASKED),
            new Viewer("rights officer of the registering unit", "gulou-rights", Tokens.gulouRights(), Sees.UNMASKED),
            new Viewer("other officer (city, above both)", "city-rights", Tokens.cityRights(), Sees.MASKED),
            new Viewer("staff of the handling unit", "gudong-staff", Tokens.gudongStaff(), Sees.MASKED),
            new Viewer("staff of the parent unit", "gulou-staff", Tokens.gulouStaff(), Sees.MASKED),
            new Viewer("leader", "leader", Tokens.leader(), Sees.MASKED),
            new Viewer("admin", "admin", Tokens.admin(), Sees.MASKED),
            new Viewer("officer of a sibling township", "guxi-rights", Tokens.guxiRights(), Sees.NOTHING),
            new Viewer("officer of another district", "cangshan-rights", Tokens.cangshanRights(), Sees.NOTHING),
            new Viewer("staff of another district", "cangshan-staff", Tokens.cangshanStaff(), Sees.NOTHING));

    static final List<String> ALL_FIELDS = List.of(
            "complainant.name",
            "complainant.phone",
            "complainant.idNumber",
            "complainant.address",
            "respondent.name",
            "respondent.relation",
            "account",
            "timeline.note");

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
    Person person;
    String caseId;

    @BeforeEach
    void setUp() {
        desk = new Desk(mvc);
        clock.setLocal(LocalDateTime.of(2026, 5, 6, 10, 30));
        DemoUnits.ensure(broker, directory);
        person = Person.random();
        caseId = desk.register(Tokens.gulouRights(), Desk.intake(person));
        desk.ok(Tokens.gulouRights(), caseId, "transfers", Map.of("toUnit", Tokens.GUDONG, "reason", "属地办理"));
        desk.ok(Tokens.gudongRights(), caseId, "transfers/accept", Map.of("note", "鼓东街道已接收此案"));
    }

    @Test
    void openingTheCaseShowsItMaskedToEveryoneWhoMaySeeItAndRecordsNothing() {
        for (Viewer v : MATRIX) {
            long readsBefore = reads(v.username());
            Reply r = desk.getCase(v.token(), caseId);
            if (v.sees() == Sees.NOTHING) {
                assertThat(r.status()).as(v.who()).isEqualTo(404);
            } else {
                assertThat(r.status()).as(v.who()).isEqualTo(200);
                assertMasked(v.who(), r.json());
                List<String> actions = r.json()
                        .get("actions")
                        .valueStream()
                        .map(JsonNode::asString)
                        .toList();
                if (v.sees() == Sees.UNMASKED) {
                    assertThat(actions).as(v.who() + " is offered 查看完整信息").contains("UNMASK");
                } else {
                    assertThat(actions).as(v.who()).doesNotContain("UNMASK");
                }
            }
            assertNoPersonalData(v.who(), r.body());
            assertThat(reads(v.username())).as(v.who() + ": recorded reads").isEqualTo(readsBefore);
        }
    }

    @Test
    void exactlyTheOfficersOfTheHandlingAndRegisteringUnitSeeThePersonalDataWithAReasonAndEachReadIsRecorded() {
        for (Viewer v : MATRIX) {
            long readsBefore = reads(v.username());
            Reply r = desk.act(v.token(), caseId, "unmask", Map.of("reason", "回访前核实联系方式"));
            switch (v.sees()) {
                case NOTHING -> assertThat(r.status()).as(v.who()).isEqualTo(404);
                case MASKED -> assertThat(r.status()).as(v.who()).isEqualTo(403);
                case UNMASKED -> {
                    assertThat(r.status()).as(v.who()).isEqualTo(200);
                    assertUnmasked(v.who(), r.json());
                }
            }
            if (v.sees() != Sees.UNMASKED) {
                assertNoPersonalData(v.who(), r.body());
            }
            assertThat(reads(v.username()) - readsBefore)
                    .as(v.who() + ": recorded reads")
                    .isEqualTo(v.sees() == Sees.UNMASKED ? 1 : 0);
            if (v.sees() == Sees.UNMASKED) {
                Document read = readDuring(v.username(), "VIEW");
                assertThat(read.getList("fields", String.class))
                        .as(v.who())
                        .containsExactlyInAnyOrderElementsOf(ALL_FIELDS);
                assertThat(read.getString("userUnit")).isNotBlank();
                assertThat(read.getList("caseUnits", String.class)).containsExactly(Tokens.GUDONG, Tokens.GULOU);
                assertThat(read.getString("reason"))
                        .as("the reason is stored sealed")
                        .startsWith("v2:k2:")
                        .doesNotContain("回访");
            }
        }
    }

    @Test
    void askingForThePersonalDataWithoutAReasonIsRefusedAndRecordsNothing() {
        long before = reads("gudong-rights");
        for (Object body : new Object[] {null, Map.of(), Map.of("reason", "   ")}) {
            Reply r = desk.act(Tokens.gudongRights(), caseId, "unmask", body);
            assertThat(r.status()).as(String.valueOf(body)).isEqualTo(400);
            assertThat(r.json().at("/errors/0/field").asString()).isEqualTo("reason");
            assertThat(r.json().at("/errors/0/message").asString()).contains("原因");
            assertNoPersonalData("refused unmask", r.body());
        }
        Reply tooLong = desk.act(Tokens.gudongRights(), caseId, "unmask", Map.of("reason", "核".repeat(201)));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(reads("gudong-rights")).isEqualTo(before);
    }

    @Test
    void theCaseListIsMaskedForEveryoneAndNeedsNoAccessRecord() {
        for (Viewer v : MATRIX) {
            long readsBefore = reads(v.username());
            Reply r = desk.get(v.token(), Desk.CASES + "?size=100");
            assertThat(r.status()).as(v.who()).isEqualTo(200);
            List<JsonNode> rows = r.json()
                    .get("items")
                    .valueStream()
                    .filter(i -> i.get("id").asString().equals(caseId))
                    .toList();
            if (v.sees() == Sees.NOTHING) {
                assertThat(rows).as(v.who()).isEmpty();
            } else {
                assertThat(rows)
                        .as(v.who())
                        .singleElement()
                        .satisfies(row -> assertThat(row.get("complainantName").asString())
                                .isEqualTo(Masking.name(person.name())));
            }
            assertNoPersonalData(v.who(), r.body());
            assertThat(reads(v.username())).as(v.who()).isEqualTo(readsBefore);
        }
    }

    @Test
    void actionResponsesAreMaskedEvenForTheHandlingOfficerAndRecordNothing() {
        long before = reads("gudong-rights");
        Reply accepted = desk.act(Tokens.gudongRights(), caseId, "accept", Map.of("note", "已电话约谈当事人"));
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.json().get("personalData").asString()).isEqualTo("MASKED");
        assertNoPersonalData("accept response", accepted.body());
        assertThat(accepted.body()).doesNotContain("约谈");
        assertThat(reads("gudong-rights")).isEqualTo(before);
    }

    @Test
    void adminsQueryTheAccessRecordOfTheirSubtreePageByPageAndOthersMayNot() {
        desk.ok(Tokens.gudongRights(), caseId, "unmask", Map.of("reason", "回访前核实联系方式"));
        desk.ok(Tokens.gulouRights(), caseId, "unmask", Map.of("reason", "督办前了解案情"));

        Reply all = desk.get(Tokens.admin(), "/api/rights/audit?caseId=" + caseId + "&size=100");
        assertThat(all.status()).isEqualTo(200);
        List<String> readers = all.json()
                .get("items")
                .valueStream()
                .map(e -> e.get("username").asString())
                .toList();
        assertThat(readers).contains("gudong-rights", "gulou-rights").doesNotContain("gudong-staff", "leader");
        JsonNode first = all.json().at("/items/0");
        assertThat(first.get("caseId").asString()).isEqualTo(caseId);
        assertThat(first.get("at").asString()).isNotBlank();
        assertThat(first.get("fields").valueStream().map(JsonNode::asString).toList())
                .contains("complainant.name");
        JsonNode byGulou = all.json()
                .get("items")
                .valueStream()
                .filter(e -> e.get("username").asString().equals("gulou-rights"))
                .findFirst()
                .orElseThrow();
        assertThat(byGulou.get("action").asString()).isEqualTo("VIEW");
        assertThat(byGulou.get("reason").asString()).isEqualTo("督办前了解案情");
        assertThat(byGulou.get("userUnit").asString()).isEqualTo(Tokens.GULOU);
        assertNoPersonalData("audit", all.body());

        Reply page = desk.get(Tokens.admin(), "/api/rights/audit?caseId=" + caseId + "&size=1&page=1");
        assertThat(page.json().get("items")).hasSize(1);
        assertThat(page.json().get("total").asLong())
                .isEqualTo(all.json().get("total").asLong())
                .isGreaterThanOrEqualTo(2);
        assertThat(page.json().get("page").asInt()).isEqualTo(1);

        Reply byUser = desk.get(Tokens.admin(), "/api/rights/audit?caseId=" + caseId + "&username=gulou-rights");
        assertThat(byUser.json()
                        .get("items")
                        .valueStream()
                        .map(e -> e.get("username").asString()))
                .isNotEmpty()
                .allMatch("gulou-rights"::equals);

        Reply otherDistrictAdmin = desk.get(
                TestTokens.user("cangshan-admin", Tokens.CANGSHAN, "district", "admin"),
                "/api/rights/audit?caseId=" + caseId);
        assertThat(otherDistrictAdmin.json().get("total").asLong()).isZero();

        assertThat(desk.get(Tokens.gudongRights(), "/api/rights/audit").status())
                .isEqualTo(403);
        assertThat(desk.get(Tokens.leader(), "/api/rights/audit").status()).isEqualTo(403);
        assertThat(desk.get(Tokens.admin(), "/api/rights/audit?size=1000").status())
                .isEqualTo(400);
    }

    @Test
    void everyActionIsRefusedToAllButTheHandlingOfficerWithoutRevealingOrChangingAnything() {
        long version = desk.getCase(Tokens.gudongRights(), caseId)
                .json()
                .get("version")
                .asLong();
        Map<String, Object> bodies = Map.of(
                "accept", Map.of("note", "试图受理"),
                "steps", Map.of("type", "MEDIATION", "note", "试图调解"),
                "transfers", Map.of("toUnit", Tokens.GUXI, "reason", "试图转办"),
                "transfers/accept", Map.of("note", "试图接收"),
                "transfers/reject", Map.of("reason", "试图退回"),
                "close", Map.of("outcome", "RESOLVED", "summary", "试图办结"),
                "follow-up", Map.of("satisfaction", 5),
                "reopen", Map.of("reason", "试图重新办理"));
        for (Viewer v : MATRIX) {
            if (v.username().equals("gudong-rights")) {
                continue;
            }
            bodies.forEach((action, body) -> {
                Reply r = desk.act(v.token(), caseId, action, body);
                boolean decidesTransfers =
                        action.startsWith("transfers/") && v.username().endsWith("-rights");
                // an officer elsewhere is told there is no transfer to decide; everyone else may not act at all
                int expected = v.sees() == Sees.NOTHING ? 404 : decidesTransfers ? 409 : 403;
                assertThat(r.status()).as(v.who() + " " + action).isEqualTo(expected);
                assertNoPersonalData(v.who() + " " + action, r.body());
            });
        }
        JsonNode after = desk.getCase(Tokens.gudongRights(), caseId).json();
        assertThat(after.get("version").asLong()).isEqualTo(version);
        assertThat(after.get("timeline")).hasSize(3);
    }

    private void assertUnmasked(String who, JsonNode c) {
        assertThat(c.get("personalData").asString()).as(who).isEqualTo("UNMASKED");
        assertThat(c.at("/complainant/name").asString()).as(who).isEqualTo(person.name());
        assertThat(c.at("/complainant/phone").asString()).as(who).isEqualTo(person.phone());
        assertThat(c.at("/complainant/idNumber").asString()).as(who).isEqualTo(person.idNumber());
        assertThat(c.at("/complainant/address").asString()).as(who).isEqualTo(person.address());
        assertThat(c.at("/respondent/relation").asString()).as(who).isEqualTo("丈夫");
        assertThat(c.get("account").asString()).as(who).isEqualTo(person.account());
        assertThat(c.at("/timeline/1/note").asString()).as(who).isEqualTo("属地办理");
    }

    private void assertMasked(String who, JsonNode c) {
        assertThat(c.get("personalData").asString()).as(who).isEqualTo("MASKED");
        assertThat(c.at("/complainant/name").asString()).as(who).isEqualTo(Masking.name(person.name()));
        assertThat(c.at("/complainant/phone").asString())
                .as(who)
                .isEqualTo(
                        person.phone().substring(0, 3) + "****" + person.phone().substring(7));
        assertThat(c.at("/complainant/idNumber").asString())
                .as(who)
                .isEqualTo(person.idNumber().substring(0, 4) + "**********"
                        + person.idNumber().substring(14));
        assertThat(c.at("/complainant/address").asString()).as(who).isEqualTo("福州市鼓楼区****");
        assertThat(c.at("/respondent/name").asString()).as(who).endsWith("**");
        assertThat(c.at("/respondent/relation").isNull()).as(who).isTrue();
        assertThat(c.get("account").isNull()).as(who).isTrue();
        assertThat(c.get("timeline").valueStream().allMatch(t -> t.get("note").isNull()))
                .as(who)
                .isTrue();
        // what the role needs to follow the case is still there
        assertThat(c.at("/status/code").asString()).as(who).isEqualTo("REGISTERED");
        assertThat(c.at("/handlingUnit/path").asString()).as(who).isEqualTo(Tokens.GUDONG);
        assertThat(c.get("timeline")).as(who).hasSize(3);
    }

    private void assertNoPersonalData(String who, String body) {
        List<String> secrets = new ArrayList<>(List.of(
                person.name(),
                person.phone(),
                person.idNumber(),
                person.address(),
                person.account(),
                "属地办理",
                "鼓东街道已接收此案"));
        secrets.add(person.name().substring(1));
        for (String s : secrets) {
            assertThat(body).as(who + " must not see " + s).doesNotContain(s);
        }
    }

    private long reads(String username) {
        return mongo.getCollection("personal_data_reads")
                .countDocuments(new Document("caseId", caseId).append("username", username));
    }

    /** The one recorded read of this case by {@code username} during {@code action}. */
    private Document readDuring(String username, String action) {
        List<Document> found = mongo.getCollection("personal_data_reads")
                .find(new Document("caseId", caseId)
                        .append("username", username)
                        .append("action", action))
                .into(new ArrayList<>());
        assertThat(found).as(username + " " + action).hasSize(1);
        return found.get(0);
    }
}
