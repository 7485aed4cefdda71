package cn.fulian.rights.cases.web;

import static cn.fulian.rights.support.Tokens.cangshanRights;
import static cn.fulian.rights.support.Tokens.gudongRights;
import static cn.fulian.rights.support.Tokens.gulouRights;
import static cn.fulian.rights.support.Tokens.gulouStaff;
import static org.assertj.core.api.Assertions.assertThat;

import cn.fulian.rights.audit.ReadAudit;
import cn.fulian.rights.cases.CaseQueries;
import cn.fulian.rights.config.RightsProperties;
import cn.fulian.rights.deadline.DeadlinePolicy;
import cn.fulian.rights.privacy.PersonalDataCipher;
import cn.fulian.rights.support.DemoUnits;
import cn.fulian.rights.support.Desk;
import cn.fulian.rights.support.MutableClock;
import cn.fulian.rights.support.Person;
import cn.fulian.rights.support.RightsServiceTest;
import cn.fulian.rights.support.Tokens;
import cn.fulian.starter.orgunit.OrgUnitDirectory;
import cn.fulian.starter.scope.Level;
import cn.fulian.starter.scope.OrgPath;
import cn.fulian.starter.scope.OrgScope;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/** What the console's rights workbench relies on: list filters, the actions offered, transfer targets, countdowns. */
@RightsServiceTest
class DeskWorkbenchApiTest {

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

    @Autowired
    PersonalDataCipher cipher;

    @Autowired
    ReadAudit audit;

    @Autowired
    DeadlinePolicy deadlines;

    @Autowired
    CaseQueries queries;

    Desk desk;

    @BeforeEach
    void setUp() {
        desk = new Desk(mvc);
        clock.setLocal(LocalDateTime.of(2026, 5, 6, 10, 30));
        DemoUnits.ensure(broker, directory);
    }

    @Test
    void transferredInAndOutAreSeenFromTheCallersUnit() {
        String handedDown = desk.register(gulouRights(), Desk.intake(Person.random()));
        desk.ok(gulouRights(), handedDown, "transfers", Map.of("toUnit", Tokens.GUDONG, "reason", "属地办理"));
        desk.ok(gudongRights(), handedDown, "transfers/accept", null);
        String offered = desk.register(gulouRights(), Desk.intake(Person.random()));
        desk.ok(gulouRights(), offered, "transfers", Map.of("toUnit", Tokens.GUDONG, "reason", "属地办理"));
        String kept = desk.register(gulouRights(), Desk.intake(Person.random()));
        String escalated = desk.register(gudongRights(), Desk.intake(Person.random()));
        desk.ok(gudongRights(), escalated, "transfers", Map.of("toUnit", Tokens.GULOU, "reason", "需区级协调"));

        assertThat(ids(gulouRights(), "transfer=OUT"))
                .contains(handedDown, offered)
                .doesNotContain(kept, escalated);
        assertThat(ids(gulouRights(), "transfer=IN")).contains(escalated).doesNotContain(handedDown, offered, kept);
        assertThat(ids(gudongRights(), "transfer=IN"))
                .contains(handedDown, offered)
                .doesNotContain(escalated);
        assertThat(ids(gudongRights(), "transfer=OUT")).contains(escalated).doesNotContain(handedDown, offered);
        assertThat(desk.get(gulouRights(), Desk.CASES + "?transfer=SIDEWAYS").status())
                .isEqualTo(400);
    }

    @Test
    void eachCallerIsOfferedTheActionsItsRoleAndTheCasesStateAllow() {
        String id = desk.register(gulouRights(), Desk.intake(Person.random()));
        assertThat(actions(gulouRights(), id)).containsExactly("UNMASK", "ACCEPT", "TRANSFER");
        assertThat(actions(gulouStaff(), id)).isEmpty();

        desk.ok(gulouRights(), id, "transfers", Map.of("toUnit", Tokens.GUDONG, "reason", "属地办理"));
        assertThat(actions(gulouRights(), id)).containsExactly("UNMASK");
        assertThat(actions(gudongRights(), id)).containsExactly("TRANSFER_ACCEPT", "TRANSFER_REJECT");

        desk.ok(gudongRights(), id, "transfers/accept", null);
        assertThat(actions(gudongRights(), id)).containsExactly("UNMASK", "ACCEPT", "TRANSFER");
        assertThat(actions(gulouRights(), id)).containsExactly("UNMASK");

        desk.ok(gudongRights(), id, "accept", null);
        assertThat(actions(gudongRights(), id)).containsExactly("UNMASK", "STEP", "TRANSFER");
        desk.ok(gudongRights(), id, "steps", Map.of("type", "MEDIATION", "note", "调解"));
        assertThat(actions(gudongRights(), id)).containsExactly("UNMASK", "STEP", "TRANSFER", "CLOSE");
        desk.ok(gudongRights(), id, "close", Map.of("outcome", "MEDIATED", "summary", "调解成功"));
        assertThat(actions(gudongRights(), id)).containsExactly("UNMASK", "FOLLOW_UP", "REOPEN");
        JsonNode followed = desk.ok(gudongRights(), id, "follow-up", Map.of("satisfaction", 4));
        assertThat(followed.at("/satisfactionLevel/label").asString()).isEqualTo("基本满意");
        assertThat(actions(gudongRights(), id)).containsExactly("UNMASK", "REOPEN");
    }

    @Test
    void theHandlingOfficerIsOfferedTheParentAndTheChildUnitsThatAreNotRetired() {
        String id = desk.register(gulouRights(), Desk.intake(Person.random()));
        JsonNode targets = desk.get(gulouRights(), Desk.CASES + "/" + id + "/transfer-targets")
                .json();
        List<String> offered = targets.valueStream()
                .map(t -> t.at("/direction/label").asString() + " "
                        + t.at("/unit/name").asString() + " "
                        + t.at("/unit/path").asString())
                .toList();
        assertThat(offered).containsExactly("上报 福州市 350100", "交办 鼓东街道 " + Tokens.GUDONG, "交办 鼓西街道 " + Tokens.GUXI);
        assertThat(desk.get(gulouStaff(), Desk.CASES + "/" + id + "/transfer-targets")
                        .status())
                .isEqualTo(403);
        assertThat(desk.get(cangshanRights(), Desk.CASES + "/" + id + "/transfer-targets")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void theCaseAndItsRowCountTheDaysLeftToTheCurrentDeadline() {
        String id = desk.register(gulouRights(), Desk.intake(Person.random()));
        JsonNode fresh = desk.getCase(gulouRights(), id).json();
        LocalDate due = LocalDate.parse(fresh.get("nextDueDate").asString());
        assertThat(fresh.get("daysLeft").asLong())
                .isEqualTo(ChronoUnit.DAYS.between(LocalDate.of(2026, 5, 6), due))
                .isPositive();

        clock.setLocal(due.plusDays(2).atTime(9, 0));
        JsonNode late = desk.getCase(gulouRights(), id).json();
        assertThat(late.get("daysLeft").asInt()).isEqualTo(-2);
        assertThat(late.get("overdue").asBoolean()).isTrue();
        JsonNode row = desk.get(gulouRights(), Desk.CASES + "?deadline=OVERDUE&size=100&q=" + id)
                .json()
                .at("/items/0");
        assertThat(row.get("daysLeft").asInt()).isEqualTo(-2);
        assertThat(row.get("caseNumber").asString())
                .isEqualTo(fresh.get("caseNumber").asString());
    }

    @Test
    void theCodesNameTheThreeFollowUpAnswersWithTheirScores() {
        JsonNode codes = desk.get(gulouStaff(), "/api/rights/codes").json();
        assertThat(codes.get("satisfactions")
                        .valueStream()
                        .map(s ->
                                s.get("label").asString() + "=" + s.get("score").asInt())
                        .toList())
                .containsExactly("满意=5", "基本满意=4", "不满意=1");
    }

    @Test
    void whereTheSettingsDoNotAskForAReasonTheReadIsRecordedWithoutOne() {
        String id = desk.register(gudongRights(), Desk.intake(Person.random()));
        OrgScope officer = new OrgScope(
                "gudong-rights", OrgPath.of(Tokens.GUDONG), Level.TOWNSHIP, Set.of("township", "rights-officer"));
        CaseViews lenient =
                new CaseViews(cipher, audit, directory, deadlines, new RightsProperties(null, null, false), clock);

        CaseView seen = lenient.unmasked(queries.visibleCase(id, officer), officer, null);

        assertThat(seen.personalData()).isEqualTo(CaseViews.UNMASKED);
        Document read = mongo.getCollection("personal_data_reads")
                .find(new Document("caseId", id))
                .first();
        assertThat(read).isNotNull();
        assertThat(read.getString("reason")).isNull();
        assertThat(new RightsProperties(null, null, null).unmaskReasonRequired())
                .as("required unless switched off")
                .isTrue();
    }

    private List<String> ids(JwtRequestPostProcessor who, String filter) {
        return desk.get(who, Desk.CASES + "?size=100&" + filter)
                .json()
                .get("items")
                .valueStream()
                .map(i -> i.get("id").asString())
                .toList();
    }

    private List<String> actions(JwtRequestPostProcessor who, String id) {
        return desk.getCase(who, id)
                .json()
                .get("actions")
                .valueStream()
                .map(JsonNode::asString)
                .toList();
    }
}
