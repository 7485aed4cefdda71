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
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

@RightsServiceTest
class RepeatDetectionTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    MutableClock clock;

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

    @Test
    void theSamePhoneInAnotherFormatAtAnotherDistrictIsFlaggedAsAPossibleRepeatAndLinked() {
        Person p = Person.random();
        String first = desk.register(Tokens.gulouRights(), Desk.intake(p));
        clock.advance(Duration.ofDays(3));

        Person samePhone = new Person(
                "另一个名字",
                "+86 " + p.phone().substring(0, 3) + "-" + p.phone().substring(3, 7) + "-"
                        + p.phone().substring(7),
                Person.random().idNumber(),
                "仓山区",
                "再次来电");
        String second = desk.register(Tokens.cangshanRights(), Desk.intake(samePhone));

        JsonNode seen = desk.getCase(Tokens.cangshanRights(), second).json();
        assertThat(seen.get("possibleRepeat").asBoolean()).isTrue();
        assertThat(seen.get("repeatOf").valueStream().map(JsonNode::asString)).containsExactly(first);
        // the earlier case stays invisible to the other district: the link is an id, nothing more
        assertThat(desk.getCase(Tokens.cangshanRights(), first).status()).isEqualTo(404);
        assertThat(desk.getCase(Tokens.gulouRights(), first)
                        .json()
                        .get("possibleRepeat")
                        .asBoolean())
                .isFalse();

        assertThat(RightsTopic.eventsOf(broker, second, 1)
                        .get(0)
                        .at("/payload/possibleRepeat")
                        .asBoolean())
                .isTrue();
        List<String> flagged = desk.get(Tokens.leader(), Desk.CASES + "?possibleRepeat=true&size=100")
                .json()
                .get("items")
                .valueStream()
                .map(i -> i.get("id").asString())
                .toList();
        assertThat(flagged).contains(second).doesNotContain(first);
    }

    @Test
    void theSameIdNumberMatchesEvenWithAnotherPhoneAndALowerCaseX() {
        String first17 = Person.random().idNumber().substring(0, 17);
        char check = cn.fulian.rights.privacy.IdNumbers.checkCharacter(first17);
        Person p = new Person("林秀英", Person.random().phone(), first17 + check, "鼓楼区", "第一次");
        String first = desk.register(Tokens.gudongRights(), Desk.intake(p));
        Person again = new Person("林秀英", Person.random().phone(), (first17 + check).toLowerCase(), "鼓楼区", "第二次");
        String second = desk.register(Tokens.gudongRights(), Desk.intake(again));
        assertThat(desk.getCase(Tokens.gudongRights(), second)
                        .json()
                        .get("repeatOf")
                        .valueStream()
                        .map(JsonNode::asString))
                .containsExactly(first);
    }

    @Test
    void someoneElseIsNotARepeat() {
        desk.register(Tokens.gudongRights(), Desk.intake(Person.random()));
        String other = desk.register(Tokens.gudongRights(), Desk.intake(Person.random()));
        JsonNode seen = desk.getCase(Tokens.gudongRights(), other).json();
        assertThat(seen.get("possibleRepeat").asBoolean()).isFalse();
        assertThat(seen.get("repeatOf")).isEmpty();
    }

    @Test
    void aCaseClosedWithinNinetyDaysCountsButAnOlderOneDoesNot() {
        Person p = Person.random();
        String old = desk.register(Tokens.gudongRights(), Desk.intake(p));
        desk.ok(Tokens.gudongRights(), old, "accept", null);
        desk.ok(Tokens.gudongRights(), old, "steps", Map.of("type", "CONSULTATION", "note", "答复"));
        desk.ok(Tokens.gudongRights(), old, "close", Map.of("outcome", "EXPLAINED", "summary", "已答复"));

        clock.advance(Duration.ofDays(89));
        String withinWindow = desk.register(Tokens.gudongRights(), Desk.intake(p));
        assertThat(desk.getCase(Tokens.gudongRights(), withinWindow)
                        .json()
                        .get("repeatOf")
                        .valueStream()
                        .map(JsonNode::asString))
                .containsExactly(old);
        desk.ok(Tokens.gudongRights(), withinWindow, "accept", null);
        desk.ok(Tokens.gudongRights(), withinWindow, "steps", Map.of("type", "CONSULTATION", "note", "答复"));
        desk.ok(Tokens.gudongRights(), withinWindow, "close", Map.of("outcome", "EXPLAINED", "summary", "已答复"));

        clock.advance(Duration.ofDays(91));
        String later = desk.register(Tokens.gudongRights(), Desk.intake(p));
        assertThat(desk.getCase(Tokens.gudongRights(), later)
                        .json()
                        .get("possibleRepeat")
                        .asBoolean())
                .isFalse();
    }
}
