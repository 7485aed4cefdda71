package cn.fulian.rights.cases;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fulian.rights.support.DemoUnits;
import cn.fulian.rights.support.Desk;
import cn.fulian.rights.support.MutableClock;
import cn.fulian.rights.support.Person;
import cn.fulian.rights.support.RightsServiceTest;
import cn.fulian.rights.support.RightsTopic;
import cn.fulian.rights.support.Tokens;
import cn.fulian.starter.orgunit.OrgUnitDirectory;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

@RightsServiceTest
class DeadlineTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    MutableClock clock;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    OrgUnitDirectory directory;

    @Autowired
    OverdueDetector detector;

    Desk desk;

    @BeforeEach
    void setUp() {
        desk = new Desk(mvc);
        clock.setLocal(LocalDateTime.of(2026, 5, 6, 10, 30));
        DemoUnits.ensure(broker, directory);
    }

    @Test
    void aCaseNotAcceptedInFifteenDaysIsMarkedOverdueAndReportedExactlyOnce() {
        String id = desk.register(Tokens.gudongRights(), Desk.intake(Person.random(), "LETTER", "OTHER", false));
        assertThat(desk.getCase(Tokens.gudongRights(), id)
                        .json()
                        .get("acceptDueDate")
                        .asString())
                .isEqualTo("2026-05-21");

        clock.setLocal(LocalDateTime.of(2026, 5, 21, 23, 59));
        detector.detectOverdue();
        JsonNode lastDay = desk.getCase(Tokens.gudongRights(), id).json();
        assertThat(lastDay.get("overdue").asBoolean()).isFalse();
        assertThat(lastDay.get("dueSoon").asBoolean()).isTrue();
        assertThat(lastDay.get("breaches")).isEmpty();

        clock.setLocal(LocalDateTime.of(2026, 5, 22, 0, 1));
        detector.detectOverdue();
        detector.detectOverdue();
        clock.setLocal(LocalDateTime.of(2026, 5, 25, 9, 0));
        detector.detectOverdue();

        JsonNode late = desk.getCase(Tokens.gudongRights(), id).json();
        assertThat(late.get("overdue").asBoolean()).isTrue();
        assertThat(late.get("breaches")).singleElement().satisfies(b -> {
            assertThat(b.at("/stage/code").asString()).isEqualTo("ACCEPT");
            assertThat(b.get("dueDate").asString()).isEqualTo("2026-05-21");
            assertThat(b.get("detectedAt").asString()).isEqualTo("2026-05-21T16:01:00Z");
        });
        assertThat(late.get("timeline")
                        .valueStream()
                        .filter(t -> t.at("/type/code").asString().equals("OVERDUE")))
                .hasSize(1);

        List<JsonNode> events = RightsTopic.eventsOf(broker, id, 2);
        assertThat(RightsTopic.types(events)).containsExactly("CaseRegistered", "CaseOverdue");
        JsonNode breach = events.get(1).get("payload");
        assertThat(breach.get("stage").asString()).isEqualTo("ACCEPT");
        assertThat(breach.get("dueDate").asString()).isEqualTo("2026-05-21");
        assertThat(breach.get("unitPath").asString()).isEqualTo(Tokens.GUDONG);
    }

    @Test
    void anUrgentCaseIsOverdueFromTheSecondDayAfterRegistration() {
        String id = desk.register(
                Tokens.gudongRights(), Desk.intake(Person.random(), "HOTLINE_12338", "DOMESTIC_VIOLENCE", true));
        JsonNode registered = desk.getCase(Tokens.gudongRights(), id).json();
        assertThat(registered.get("acceptDueDate").asString()).isEqualTo("2026-05-07");
        assertThat(registered.get("concludeDueDate").asString()).isEqualTo("2026-05-07");

        clock.setLocal(LocalDateTime.of(2026, 5, 8, 0, 0));
        detector.detectOverdue();
        JsonNode late = desk.getCase(Tokens.gudongRights(), id).json();
        assertThat(late.get("breaches")
                        .valueStream()
                        .map(b -> b.at("/stage/code").asString()))
                .containsExactlyInAnyOrder("ACCEPT", "CONCLUDE");
        assertThat(RightsTopic.types(RightsTopic.eventsOf(broker, id, 3)))
                .containsExactly("CaseRegistered", "CaseOverdue", "CaseOverdue");
    }

    @Test
    void aCaseConcludedAfterSixtyDaysBreachesOnceAndClosesLate() {
        String id =
                desk.register(Tokens.gudongRights(), Desk.intake(Person.random(), "VISIT", "PROPERTY_RIGHTS", false));
        desk.ok(Tokens.gudongRights(), id, "accept", null);
        desk.ok(Tokens.gudongRights(), id, "steps", Map.of("type", "MEDIATION", "note", "调解"));

        clock.setLocal(LocalDateTime.of(2026, 7, 5, 18, 0));
        detector.detectOverdue();
        assertThat(desk.getCase(Tokens.gudongRights(), id).json().get("breaches"))
                .isEmpty();

        clock.setLocal(LocalDateTime.of(2026, 7, 6, 8, 0));
        detector.detectOverdue();
        detector.detectOverdue();
        JsonNode closed =
                desk.ok(Tokens.gudongRights(), id, "close", Map.of("outcome", "RESOLVED", "summary", "土地承包问题已解决"));
        assertThat(closed.get("closedOnTime").asBoolean()).isFalse();
        assertThat(closed.get("overdue").asBoolean()).isFalse();

        List<JsonNode> events = RightsTopic.eventsOf(broker, id, 3);
        assertThat(RightsTopic.types(events)).containsExactly("CaseRegistered", "CaseOverdue", "CaseClosed");
        assertThat(events.get(1).at("/payload/stage").asString()).isEqualTo("CONCLUDE");
        assertThat(events.get(2).at("/payload/onTime").asBoolean()).isFalse();
    }

    @Test
    void theUnitAndItsParentSeeWhatIsOverdueAndDueSoonButASiblingDoesNot() {
        String overdueId = desk.register(Tokens.gudongRights(), Desk.intake(Person.random(), "LETTER", "OTHER", false));
        clock.setLocal(LocalDateTime.of(2026, 5, 13, 9, 0));
        String dueSoonId = desk.register(Tokens.gudongRights(), Desk.intake(Person.random(), "LETTER", "OTHER", false));
        clock.setLocal(LocalDateTime.of(2026, 5, 26, 9, 0));

        for (JwtRequestPostProcessor unitOrParent :
                List.of(Tokens.gudongStaff(), Tokens.gulouStaff(), Tokens.leader())) {
            assertThat(ids(unitOrParent, "deadline=OVERDUE"))
                    .contains(overdueId)
                    .doesNotContain(dueSoonId);
            assertThat(ids(unitOrParent, "deadline=DUE_SOON"))
                    .contains(dueSoonId)
                    .doesNotContain(overdueId);
        }
        assertThat(ids(Tokens.gulouStaff(), "deadline=OVERDUE&unit=" + Tokens.GUDONG))
                .contains(overdueId);
        assertThat(ids(Tokens.gulouStaff(), "deadline=OVERDUE&unit=" + Tokens.GUXI))
                .doesNotContain(overdueId);
        assertThat(ids(Tokens.guxiRights(), "deadline=OVERDUE")).doesNotContain(overdueId);
        assertThat(ids(Tokens.cangshanStaff(), "deadline=OVERDUE")).doesNotContain(overdueId);
        assertThat(desk.get(Tokens.guxiRights(), Desk.CASES + "?unit=" + Tokens.GUDONG)
                        .status())
                .isEqualTo(404);

        JsonNode row = desk.get(Tokens.gulouStaff(), Desk.CASES + "?deadline=OVERDUE&size=100")
                .json()
                .get("items")
                .valueStream()
                .filter(i -> i.get("id").asString().equals(overdueId))
                .findFirst()
                .orElseThrow();
        assertThat(row.get("overdue").asBoolean()).isTrue();
        assertThat(row.get("nextDueDate").asString()).isEqualTo("2026-05-21");
        assertThat(row.at("/handlingUnit/name").asString()).isEqualTo("鼓东街道");
    }

    @Test
    void theDeadlineBoardCountsOverdueAndDueSoonCasesPerUnitBelow() {
        JwtRequestPostProcessor cangqianRights = cn.fulian.starter.test.TestTokens.user(
                "cangqian-rights", Tokens.CANGQIAN, "township", "rights-officer");
        desk.register(cangqianRights, Desk.intake(Person.random(), "LETTER", "OTHER", false));
        desk.register(cangqianRights, Desk.intake(Person.random(), "CALL", "DOMESTIC_VIOLENCE", true));
        String closed = desk.register(cangqianRights, Desk.intake(Person.random(), "CALL", "OTHER", true));
        desk.ok(cangqianRights, closed, "accept", null);
        desk.ok(cangqianRights, closed, "steps", Map.of("type", "CONSULTATION", "note", "已答复"));
        desk.ok(cangqianRights, closed, "close", Map.of("outcome", "EXPLAINED", "summary", "已答复"));
        clock.setLocal(LocalDateTime.of(2026, 5, 19, 9, 0));

        JsonNode district =
                desk.get(Tokens.cangshanStaff(), "/api/rights/deadlines").json();
        assertThat(district.at("/unit/name").asString()).isEqualTo("仓山区");
        assertThat(district.get("today").asString()).isEqualTo("2026-05-19");
        JsonNode row = district.get("rows")
                .valueStream()
                .filter(r -> r.at("/unit/path").asString().equals(Tokens.CANGQIAN))
                .findFirst()
                .orElseThrow();
        assertThat(row.at("/unit/name").asString()).isEqualTo("仓前街道");
        assertThat(row.get("own").asBoolean()).isFalse();
        assertThat(row.get("overdue").asLong()).isEqualTo(1);
        assertThat(row.get("dueSoon").asLong()).isEqualTo(1);

        JsonNode township = desk.get(Tokens.leader(), "/api/rights/deadlines?unit=" + Tokens.CANGQIAN)
                .json();
        assertThat(township.get("rows")).singleElement().satisfies(r -> {
            assertThat(r.get("own").asBoolean()).isTrue();
            assertThat(r.get("overdue").asLong()).isEqualTo(1);
        });
        assertThat(township.get("overdue").asLong()).isEqualTo(1);
        assertThat(township.get("dueSoon").asLong()).isEqualTo(1);

        assertThat(desk.get(Tokens.gudongStaff(), "/api/rights/deadlines?unit=" + Tokens.CANGSHAN)
                        .status())
                .isEqualTo(404);
        assertThat(desk.get(Tokens.gudongStaff(), "/api/rights/deadlines?unit=仓山")
                        .status())
                .isEqualTo(400);
    }

    private List<String> ids(JwtRequestPostProcessor who, String query) {
        Desk.Reply r = desk.get(who, Desk.CASES + "?size=100&" + query);
        assertThat(r.status()).as(query).isEqualTo(200);
        return r.json()
                .get("items")
                .valueStream()
                .map(i -> i.get("id").asString())
                .toList();
    }
}
