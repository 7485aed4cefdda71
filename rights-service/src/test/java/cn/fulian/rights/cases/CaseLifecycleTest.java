package cn.fulian.rights.cases;

import static cn.fulian.rights.support.Tokens.gudongRights;
import static cn.fulian.rights.support.Tokens.gulouRights;
import static cn.fulian.rights.support.Tokens.guxiRights;
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
class CaseLifecycleTest {

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
    void aCaseGoesFromIntakeThroughTransferHandlingClosureFollowUpAndReopeningWithEveryStepOnItsTimeline() {
        String id = desk.register(gulouRights(), Desk.intake(Person.random(), "VISIT", "MARRIAGE_FAMILY", false));

        JsonNode requested =
                desk.ok(gulouRights(), id, "transfers", Map.of("toUnit", Tokens.GUDONG, "reason", "属地办理,请鼓东街道跟进"));
        assertThat(requested.at("/pendingTransfer/direction/code").asString()).isEqualTo("DOWN");
        assertThat(requested.at("/handlingUnit/path").asString()).isEqualTo(Tokens.GULOU);

        clock.advance(Duration.ofHours(2));
        JsonNode transferred = desk.ok(gudongRights(), id, "transfers/accept", null);
        assertThat(transferred.at("/handlingUnit/path").asString()).isEqualTo(Tokens.GUDONG);
        assertThat(transferred.at("/handlingUnit/name").asString()).isEqualTo("鼓东街道");
        assertThat(transferred.get("pendingTransfer").isNull()).isTrue();

        desk.ok(gudongRights(), id, "accept", Map.of("note", "已电话联系当事人"));
        desk.ok(gudongRights(), id, "steps", Map.of("type", "MEDIATION", "note", "组织双方调解一次"));
        clock.advance(Duration.ofDays(10));
        desk.ok(gudongRights(), id, "steps", Map.of("type", "LEGAL_AID", "note", "联系法律援助中心"));
        JsonNode closed = desk.ok(gudongRights(), id, "close", Map.of("outcome", "MEDIATED", "summary", "双方达成调解协议"));
        assertThat(closed.at("/status/code").asString()).isEqualTo("CLOSED");
        assertThat(closed.get("closedOnTime").asBoolean()).isTrue();
        assertThat(closed.at("/outcome/label").asString()).isEqualTo("调解成功");
        assertThat(closed.get("nextDueDate").isNull()).isTrue();

        clock.advance(Duration.ofDays(20));
        JsonNode followed = desk.ok(gudongRights(), id, "follow-up", Map.of("satisfaction", 4, "note", "当事人表示基本满意"));
        assertThat(followed.at("/status/code").asString()).isEqualTo("FOLLOWED_UP");
        assertThat(followed.get("satisfaction").asInt()).isEqualTo(4);

        clock.advance(Duration.ofDays(1));
        JsonNode reopened = desk.ok(gudongRights(), id, "reopen", Map.of("reason", "对方未履行调解协议"));
        assertThat(reopened.at("/status/code").asString()).isEqualTo("IN_PROGRESS");
        assertThat(reopened.get("concludeDueDate").asString()).isEqualTo("2026-08-05");
        assertThat(reopened.get("satisfaction").isNull()).isTrue();

        List<String> timeline = reopened.get("timeline")
                .valueStream()
                .map(t -> t.at("/type/code").asString() + "@"
                        + t.at("/unit/path").asString() + " by " + t.get("by").asString())
                .toList();
        assertThat(timeline)
                .containsExactly(
                        "REGISTERED@350100/350102 by gulou-rights",
                        "TRANSFER_REQUESTED@350100/350102 by gulou-rights",
                        "TRANSFER_ACCEPTED@350100/350102/350102001 by gudong-rights",
                        "ACCEPTED@350100/350102/350102001 by gudong-rights",
                        "STEP@350100/350102/350102001 by gudong-rights",
                        "STEP@350100/350102/350102001 by gudong-rights",
                        "CLOSED@350100/350102/350102001 by gudong-rights",
                        "FOLLOWED_UP@350100/350102/350102001 by gudong-rights",
                        "REOPENED@350100/350102/350102001 by gudong-rights");
        assertThat(reopened.at("/timeline/4/step/label").asString()).isEqualTo("调解");
        assertThat(reopened.at("/timeline/2/at").asString()).isEqualTo("2026-05-06T04:30:00Z");

        List<JsonNode> events = RightsTopic.eventsOf(broker, id, 5);
        assertThat(RightsTopic.types(events))
                .containsExactly("CaseRegistered", "CaseTransferred", "CaseClosed", "CaseFollowedUp", "CaseReopened");
        JsonNode transferEvent = events.get(1);
        assertThat(transferEvent.get("orgPath").asString()).isEqualTo(Tokens.GUDONG);
        assertThat(transferEvent.at("/payload/fromUnitPath").asString()).isEqualTo(Tokens.GULOU);
        assertThat(transferEvent.at("/payload/direction").asString()).isEqualTo("DOWN");
        JsonNode closedEvent = events.get(2);
        assertThat(closedEvent.at("/payload/onTime").asBoolean()).isTrue();
        assertThat(closedEvent.at("/payload/outcome").asString()).isEqualTo("MEDIATED");
        assertThat(closedEvent.at("/payload/unitPath").asString()).isEqualTo(Tokens.GUDONG);
        assertThat(events.get(3).at("/payload/satisfaction").asInt()).isEqualTo(4);
        assertThat(events.get(4).at("/payload/concludeDueDate").asString()).isEqualTo("2026-08-05");
    }

    @Test
    void theReceivingUnitCanRejectATransferWithAReasonAndTheSenderKeepsTheCase() {
        String id = desk.register(gudongRights(), Desk.intake(Person.random()));

        desk.ok(gudongRights(), id, "transfers", Map.of("toUnit", Tokens.GULOU, "reason", "涉及跨街道财产问题,请区妇联协调"));
        Desk.Reply bySibling = desk.act(guxiRights(), id, "transfers/reject", Map.of("reason", "不是我们"));
        assertThat(bySibling.status()).isEqualTo(404);
        Desk.Reply whileWaiting = desk.act(gudongRights(), id, "accept", null);
        assertThat(whileWaiting.status()).isEqualTo(409);

        JsonNode rejected = desk.ok(gulouRights(), id, "transfers/reject", Map.of("reason", "属街道职责范围,请继续办理"));
        assertThat(rejected.at("/handlingUnit/path").asString()).isEqualTo(Tokens.GUDONG);
        assertThat(rejected.get("pendingTransfer").isNull()).isTrue();
        JsonNode last = rejected.get("timeline").get(rejected.get("timeline").size() - 1);
        assertThat(last.at("/type/code").asString()).isEqualTo("TRANSFER_REJECTED");
        assertThat(last.get("by").asString()).isEqualTo("gulou-rights");

        // the sender, still handling, sees the rejection reason when it asks for the case in clear
        JsonNode seenBySender = desk.ok(gudongRights(), id, "unmask", Map.of("reason", "查看退回理由"));
        JsonNode lastSeen =
                seenBySender.get("timeline").get(seenBySender.get("timeline").size() - 1);
        assertThat(lastSeen.get("note").asString()).isEqualTo("属街道职责范围,请继续办理");

        desk.ok(gudongRights(), id, "accept", null);
        assertThat(RightsTopic.types(RightsTopic.eventsOf(broker, id, 1))).containsExactly("CaseRegistered");
    }

    @Test
    void aTownshipEscalatesUpToItsDistrictWhichThenHandlesTheCase() {
        String id = desk.register(gudongRights(), Desk.intake(Person.random()));
        desk.ok(gudongRights(), id, "accept", null);

        desk.ok(gudongRights(), id, "transfers", Map.of("toUnit", Tokens.GULOU, "reason", "需区级协调公安"));
        JsonNode taken = desk.ok(gulouRights(), id, "transfers/accept", Map.of("note", "区妇联接办"));
        assertThat(taken.at("/handlingUnit/path").asString()).isEqualTo(Tokens.GULOU);
        assertThat(taken.at("/status/code").asString()).isEqualTo("ACCEPTED");

        assertThat(desk.act(gudongRights(), id, "steps", Map.of("type", "MEDIATION", "note", "x"))
                        .status())
                .isEqualTo(403);
        desk.ok(gulouRights(), id, "steps", Map.of("type", "REFERRAL_POLICE", "note", "已转介辖区派出所"));

        List<JsonNode> events = RightsTopic.eventsOf(broker, id, 2);
        assertThat(events.get(1).at("/payload/direction").asString()).isEqualTo("UP");
        assertThat(events.get(1).at("/payload/toUnitPath").asString()).isEqualTo(Tokens.GULOU);
    }
}
