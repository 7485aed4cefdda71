package cn.fulian.rights.cases;

import static cn.fulian.rights.support.Tokens.gudongRights;
import static org.assertj.core.api.Assertions.assertThat;

import cn.fulian.rights.support.DemoUnits;
import cn.fulian.rights.support.Desk;
import cn.fulian.rights.support.Desk.Reply;
import cn.fulian.rights.support.MutableClock;
import cn.fulian.rights.support.Person;
import cn.fulian.rights.support.RightsServiceTest;
import cn.fulian.rights.support.RightsTopic;
import cn.fulian.starter.entryyear.EntryYears;
import cn.fulian.starter.orgunit.OrgUnitDirectory;
import cn.fulian.starter.test.OpenYears;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/** Cases typed in after the day they came in: an earlier year's petitions ledger moved into the platform. */
@RightsServiceTest
class DatedCaseTest {

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
    OverdueDetector detector;

    @Autowired
    EntryYears entryYears;

    Desk desk;

    @BeforeEach
    void setUp() {
        desk = new Desk(mvc);
        clock.setLocal(LocalDateTime.of(2026, 5, 6, 10, 30));
        DemoUnits.ensure(broker, directory);
        OpenYears.open(broker, entryYears, 2013);
    }

    @Test
    void aPastYearCityStaffHaveNotOpenedTakesNoCaseAndNothingIsStored() {
        long before = mongo.getCollection("rights_cases").countDocuments();
        Desk.Reply r = desk.post(gudongRights(), Desk.CASES, received("2011-05-05"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().at("/errors/0/field").asString()).isEqualTo("receivedOn");
        assertThat(r.json().at("/errors/0/message").asString()).contains("2011年度未开放补录");
        assertThat(mongo.getCollection("rights_cases").countDocuments()).isEqualTo(before);
    }

    @Test
    void aCaseReceivedIn2013RunsAgainstDeadlinesFromTheDayItCameInAndClosesOnTimeOnItsOwnDate() {
        String id = desk.register(gudongRights(), received("2013-03-04"));
        JsonNode registered = desk.getCase(gudongRights(), id).json();
        assertThat(registered.get("receivedOn").asString()).isEqualTo("2013-03-04");
        assertThat(registered.get("acceptDueDate").asString()).isEqualTo("2013-03-19");
        assertThat(registered.get("concludeDueDate").asString()).isEqualTo("2013-05-03");
        assertThat(registered.get("registeredAt").asString()).startsWith("2026-05-06");

        // moved in and handled the same day: the detector finds no breach meanwhile
        detector.detectOverdue();
        desk.ok(gudongRights(), id, "accept", null);
        desk.ok(gudongRights(), id, "steps", Map.of("type", "MEDIATION", "note", "调解"));
        detector.detectOverdue();
        JsonNode closed = desk.ok(
                gudongRights(),
                id,
                "close",
                Map.of("outcome", "MEDIATED", "summary", "调解成功", "closedOn", "2013-04-20"));
        assertThat(closed.get("closedOn").asString()).isEqualTo("2013-04-20");
        assertThat(closed.get("closedOnTime").asBoolean()).isTrue();
        assertThat(closed.get("breaches")).isEmpty();

        List<JsonNode> events = RightsTopic.eventsOf(broker, id, 2);
        assertThat(RightsTopic.types(events)).containsExactly("CaseRegistered", "CaseClosed");
        assertThat(events.get(0).at("/payload/receivedOn").asString()).isEqualTo("2013-03-04");
        assertThat(events.get(0).at("/payload/concludeDueDate").asString()).isEqualTo("2013-05-03");
        assertThat(events.get(1).at("/payload/closedOn").asString()).isEqualTo("2013-04-20");
        assertThat(events.get(1).at("/payload/onTime").asBoolean()).isTrue();
    }

    @Test
    void aCaseWithoutADayReceivedCameInTodayInShanghai() {
        clock.setLocal(LocalDateTime.of(2026, 5, 7, 0, 30)); // still 6 May in UTC
        String id = desk.register(gudongRights(), Desk.intake(Person.random(), "LETTER", "OTHER", false));
        JsonNode c = desk.getCase(gudongRights(), id).json();
        assertThat(c.get("receivedOn").asString()).isEqualTo("2026-05-07");
        assertThat(c.get("acceptDueDate").asString()).isEqualTo("2026-05-22");
    }

    @Test
    void aDayReceivedInTheFutureOrBefore2000IsRefusedNamingTheFieldAndNothingIsStored() {
        long before = storedCases();
        for (String day : List.of("2026-05-07", "1999-12-31")) {
            Reply r = desk.post(gudongRights(), Desk.CASES, received(day));
            assertThat(r.status()).as(day).isEqualTo(400);
            assertThat(r.json().at("/errors/0/field").asString()).isEqualTo("receivedOn");
            assertThat(r.json().at("/errors/0/message").asString()).contains("收件日期");
            assertThat(r.json().at("/errors/0/messageEn").asString()).contains("receivedOn");
        }
        assertThat(storedCases()).isEqualTo(before);
    }

    @Test
    void aCaseCannotBeClosedBeforeItCameInNorInTheFuture() {
        String id = desk.register(gudongRights(), received("2013-03-04"));
        desk.ok(gudongRights(), id, "accept", null);
        desk.ok(gudongRights(), id, "steps", Map.of("type", "MEDIATION", "note", "调解"));

        for (String day : List.of("2013-03-03", "2026-05-07")) {
            Reply r = desk.act(
                    gudongRights(), id, "close", Map.of("outcome", "MEDIATED", "summary", "调解", "closedOn", day));
            assertThat(r.status()).as(day).isEqualTo(400);
            assertThat(r.json().at("/errors/0/field").asString()).isEqualTo("closedOn");
        }
        JsonNode stillOpen = desk.getCase(gudongRights(), id).json();
        assertThat(stillOpen.at("/status/code").asString()).isEqualTo("IN_PROGRESS");
        assertThat(stillOpen.get("closedOn").isNull()).isTrue();
        assertThat(RightsTopic.types(RightsTopic.eventsOf(broker, id, 1))).containsExactly("CaseRegistered");

        JsonNode closedToday = desk.ok(gudongRights(), id, "close", Map.of("outcome", "MEDIATED", "summary", "调解"));
        assertThat(closedToday.get("closedOn").asString()).isEqualTo("2026-05-06");
        assertThat(closedToday.get("closedOnTime").asBoolean()).isFalse();
    }

    @Test
    void aLedgerMovedInAtOnceLinksOnlyPetitionsThatFollowedEachOtherCloselyInTheirOwnYear() {
        Person p = Person.random();
        String january = closedLedgerCase(p, "2013-01-10", "2013-01-20");
        String december = closedLedgerCase(p, "2013-12-01", "2013-12-10");
        String againInDecember = desk.register(gudongRights(), received(p, "2013-12-20"));

        assertThat(desk.getCase(gudongRights(), december)
                        .json()
                        .get("possibleRepeat")
                        .asBoolean())
                .as("ten months after the January petition was concluded")
                .isFalse();
        JsonNode again = desk.getCase(gudongRights(), againInDecember).json();
        assertThat(again.get("possibleRepeat").asBoolean()).isTrue();
        assertThat(again.get("repeatOf").valueStream().map(JsonNode::asString)).containsExactly(december);
        assertThat(january).isNotEqualTo(december);

        String typedInOutOfOrder = desk.register(gudongRights(), received(p, "2013-06-01"));
        assertThat(desk.getCase(gudongRights(), typedInOutOfOrder).json().get("repeatOf"))
                .as("petitions received later are not earlier ones, whatever order they are typed in")
                .isEmpty();
    }

    private String closedLedgerCase(Person p, String receivedOn, String closedOn) {
        String id = desk.register(gudongRights(), received(p, receivedOn));
        desk.ok(gudongRights(), id, "accept", null);
        desk.ok(gudongRights(), id, "steps", Map.of("type", "CONSULTATION", "note", "答复"));
        desk.ok(gudongRights(), id, "close", Map.of("outcome", "EXPLAINED", "summary", "已答复", "closedOn", closedOn));
        return id;
    }

    private static Map<String, Object> received(String day) {
        return received(Person.random(), day);
    }

    private static Map<String, Object> received(Person p, String day) {
        Map<String, Object> body = Desk.intake(p, "LETTER", "MARRIAGE_FAMILY", false);
        body.put("receivedOn", day);
        return body;
    }

    private long storedCases() {
        return mongo.getCollection("rights_cases").countDocuments();
    }
}
