package cn.fulian.rights.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fulian.rights.cases.OverdueDetector;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Runs a whole case, with mistakes on the way and debug logging on, then looks for the complainant's name, phone and ID
 * number everywhere they must not be: the log, every event on the topic, every response to someone not entitled to
 * them, and the stored document.
 */
@RightsServiceTest
@ExtendWith(OutputCaptureExtension.class)
class PrivacyLeakTest {

    /** Loggers that would print request bodies, validation failures and queries when someone debugs production. */
    static final List<String> CHATTY =
            List.of("org.springframework.web", "org.springframework.data.mongodb.core", "cn.fulian");

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
    OverdueDetector overdue;

    Desk desk;

    @BeforeEach
    void setUp() {
        desk = new Desk(mvc);
        clock.setLocal(LocalDateTime.of(2026, 5, 6, 10, 30));
        DemoUnits.ensure(broker, directory);
    }

    @Test
    void aFullCaseLeavesNoPersonalDataInLogsEventsOtherRolesResponsesOrTheStoredDocument(CapturedOutput output) {
        Person p = Person.random();
        LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
        CHATTY.forEach(name -> logging.setLogLevel(name, LogLevel.DEBUG));
        List<String> othersSaw = new ArrayList<>();
        String id;
        try {
            // mistakes first: each carries the real personal data in the request
            Map<String, Object> tooLong = Desk.intake(p);
            tooLong.put("account", p.account() + "。".repeat(5000));
            assertThat(desk.post(Tokens.gulouRights(), Desk.CASES, tooLong).status())
                    .isEqualTo(400);
            Map<String, Object> badCategory = Desk.intake(p);
            badCategory.put("category", "UNKNOWN");
            assertThat(desk.post(Tokens.gulouRights(), Desk.CASES, badCategory).status())
                    .isEqualTo(400);
            Map<String, Object> badId = Desk.intake(p);
            @SuppressWarnings("unchecked")
            Map<String, Object> who = new LinkedHashMap<>((Map<String, Object>) badId.get("complainant"));
            who.put("idNumber", p.idNumber().substring(0, 17) + (p.idNumber().endsWith("0") ? "1" : "0"));
            badId.put("complainant", who);
            assertThat(desk.post(Tokens.gulouRights(), Desk.CASES, badId).status())
                    .isEqualTo(400);
            assertThat(desk.post(Tokens.gudongStaff(), Desk.CASES, Desk.intake(p))
                            .status())
                    .isEqualTo(403);

            id = desk.register(Tokens.gulouRights(), Desk.intake(p, "HOTLINE_12338", "DOMESTIC_VIOLENCE", true));
            desk.ok(
                    Tokens.gulouRights(),
                    id,
                    "transfers",
                    Map.of("toUnit", Tokens.GUDONG, "reason", "请鼓东跟进" + p.name()));
            desk.ok(Tokens.gudongRights(), id, "transfers/accept", null);
            // the one answer that carries the personal data, to its officer, must not echo it into the log either
            desk.ok(Tokens.gudongRights(), id, "unmask", Map.of("reason", "受理前核实当事人身份"));
            assertThat(desk.act(Tokens.gudongStaff(), id, "unmask", Map.of("reason", "想看看"))
                            .status())
                    .isEqualTo(403);
            desk.ok(Tokens.gudongRights(), id, "accept", Map.of("note", "已联系" + p.name() + ",电话" + p.phone()));
            desk.ok(
                    Tokens.gudongRights(),
                    id,
                    "steps",
                    Map.of("type", "PROTECTION_ORDER_SUPPORT", "note", "协助" + p.name() + "申请保护令"));
            clock.advance(Duration.ofDays(3));
            overdue.detectOverdue();
            desk.ok(
                    Tokens.gudongRights(),
                    id,
                    "close",
                    Map.of("outcome", "LEGAL_AID_PROVIDED", "summary", p.name() + "已获法律援助"));
            desk.ok(Tokens.gudongRights(), id, "follow-up", Map.of("satisfaction", 5, "note", p.name() + "满意"));
            desk.ok(Tokens.gudongRights(), id, "reopen", Map.of("reason", p.name() + "再次求助"));
            assertThat(desk.act(Tokens.guxiRights(), id, "close", Map.of("outcome", "RESOLVED", "summary", p.name()))
                            .status())
                    .isEqualTo(404);

            for (JwtRequestPostProcessor other : List.of(
                    Tokens.cityRights(),
                    Tokens.gudongStaff(),
                    Tokens.gulouStaff(),
                    Tokens.leader(),
                    Tokens.admin(),
                    Tokens.guxiRights(),
                    Tokens.cangshanStaff())) {
                othersSaw.add(desk.getCase(other, id).body());
                othersSaw.add(desk.get(other, Desk.CASES + "?size=100").body());
                othersSaw.add(desk.get(other, Desk.CASES + "?deadline=OVERDUE&size=100")
                        .body());
                othersSaw.add(desk.act(other, id, "steps", Map.of("type", "MEDIATION", "note", "x"))
                        .body());
            }
            othersSaw.add(
                    desk.get(Tokens.admin(), "/api/rights/audit?caseId=" + id).body());
        } finally {
            CHATTY.forEach(name -> logging.setLogLevel(name, null));
        }

        List<String> secrets = secretsOf(p);
        String logs = output.getAll();
        assertThat(logs).as("the log was captured").contains(id);
        for (String s : secrets) {
            assertThat(logs).as("log lines must not contain " + s).doesNotContain(s);
        }

        List<String> events = RightsTopic.read(broker, r -> true, 1).stream()
                .map(ConsumerRecord::value)
                .toList();
        assertThat(RightsTopic.types(RightsTopic.eventsOf(broker, id, 6)))
                .contains(
                        "CaseRegistered",
                        "CaseTransferred",
                        "CaseOverdue",
                        "CaseClosed",
                        "CaseFollowedUp",
                        "CaseReopened");
        for (String event : events) {
            for (String s : secrets) {
                assertThat(event).as("events must not contain " + s).doesNotContain(s);
            }
        }

        assertThat(othersSaw).hasSizeGreaterThan(20);
        for (String body : othersSaw) {
            for (String s : secrets) {
                assertThat(body)
                        .as("responses to other roles must not contain " + s)
                        .doesNotContain(s);
            }
        }

        Document stored = mongo.getCollection("rights_cases")
                .find(new Document("_id", id))
                .first();
        String raw = stored.toJson();
        for (String s : secrets) {
            assertThat(raw).as("the stored case must not contain " + s).doesNotContain(s);
        }
        assertThat(raw).doesNotContain("保护令").contains("v2:k2:");
    }

    private static List<String> secretsOf(Person p) {
        String phone = p.phone();
        return List.of(
                p.name(),
                phone,
                phone.substring(0, 3) + "-" + phone.substring(3, 7) + "-" + phone.substring(7),
                p.idNumber(),
                p.idNumber().substring(0, 17),
                p.address(),
                p.account());
    }
}
