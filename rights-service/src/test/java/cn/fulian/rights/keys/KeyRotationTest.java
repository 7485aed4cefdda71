package cn.fulian.rights.keys;

import static cn.fulian.rights.support.Sealing.K1;
import static cn.fulian.rights.support.Sealing.K2;
import static org.assertj.core.api.Assertions.assertThat;

import cn.fulian.rights.privacy.PersonalDataCipher;
import cn.fulian.rights.support.DemoUnits;
import cn.fulian.rights.support.Desk;
import cn.fulian.rights.support.Desk.Reply;
import cn.fulian.rights.support.MutableClock;
import cn.fulian.rights.support.Person;
import cn.fulian.rights.support.RightsServiceTest;
import cn.fulian.rights.support.Sealing;
import cn.fulian.rights.support.Tokens;
import cn.fulian.starter.orgunit.OrgUnitDirectory;
import cn.fulian.starter.test.Eventually;
import cn.fulian.starter.test.TestTokens;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/**
 * Key rotation as an operator runs it. The test settings are mid-rotation: k1 (the key of {@code
 * RIGHTS_ENCRYPTION_KEY}) is still in the ring, k2 seals new values and gives the match hashes. Cases from before the
 * rotation are made by rewriting a registered case's stored values in the {@code v1:} format with k1 and its match
 * hashes with k1's, as the service stored them before key ids existed.
 */
@RightsServiceTest
class KeyRotationTest {

    static final String KEYS = "/api/rights/keys";
    static final String RE_ENCRYPT = KEYS + "/re-encrypt";

    /** Stored paths of the personal data and the names they are bound to. */
    static final Map<String, String> PERSONAL = Map.of(
            "complainantName", "complainant.name",
            "complainantPhone", "complainant.phone",
            "complainantIdNumber", "complainant.idNumber",
            "complainantAddress", "complainant.address",
            "respondentName", "respondent.name",
            "respondentRelation", "respondent.relation",
            "account", "account");

    static final String NOTES = "timeline.note";
    static final String REASON = "accessRecord.reason";

    /** What an installation that has retired k1 holds. */
    final PersonalDataCipher withoutK1 = PersonalDataCipher.fromSettings(null, "k2=" + K2, "k2", "k2");

    final PersonalDataCipher beforeRotation = PersonalDataCipher.fromBase64(K1);

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

    Desk desk;

    @BeforeEach
    void setUp() {
        desk = new Desk(mvc);
        clock.setLocal(LocalDateTime.of(2026, 5, 6, 10, 30));
        DemoUnits.ensure(broker, directory);
    }

    @Test
    void casesSealedBeforeKeyIdsReadTheSameAfterANewCurrentKeyIsAddedWhileNewValuesAreSealedWithIt() {
        Person p = Person.random();
        String id = closedCaseWithAReadRecorded(p);
        sealAsBeforeRotation(id, p);

        assertThat(sealedValues(id)).allSatisfy(v -> assertThat(v).startsWith("v1:"));
        assertReadsTheSame(id, p);

        String fresh = desk.register(Tokens.gulouRights(), Desk.intake(Person.random()));
        assertThat(sealedValues(fresh))
                .isNotEmpty()
                .allSatisfy(v -> assertThat(v).startsWith("v2:k2:"));
    }

    @Test
    void reEncryptionMovesEverySealedValueToTheCurrentKeySoK1CanBeRemovedAndTheCaseStillReadsAndMatches() {
        Person p = Person.random();
        String closed = closedCaseWithAReadRecorded(p);
        sealAsBeforeRotation(closed, p);
        Person q = Person.random();
        String pending = desk.register(Tokens.gulouRights(), Desk.intake(q));
        desk.ok(Tokens.gulouRights(), pending, "transfers", Map.of("toUnit", Tokens.GUDONG, "reason", "属地办理转鼓东"));
        sealAsBeforeRotation(pending, q);
        assertThat(usage(desk.get(Tokens.admin(), KEYS).json(), "k1")).isGreaterThanOrEqualTo(12);

        Reply run = desk.post(Tokens.admin(), RE_ENCRYPT, null);

        assertThat(run.status()).isEqualTo(200);
        assertThat(run.json().get("resealed").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(run.json().get("cases").asInt())
                .isGreaterThanOrEqualTo(run.json().get("resealed").asInt());
        assertThat(run.json()
                        .get("refused")
                        .valueStream()
                        .map(r -> r.get("caseId").asString()))
                .doesNotContain(closed, pending);
        assertThat(run.body()).doesNotContain(p.name(), p.phone(), q.name());
        for (String id : List.of(closed, pending)) {
            List<String> values = sealedValues(id);
            assertThat(values).isNotEmpty().allSatisfy(v -> assertThat(v).startsWith("v2:k2:"));
        }
        // an installation without k1 opens everything and computes the same match hashes
        Document stored = raw(closed);
        forEachSealed(stored, closed, (value, field) -> {
            assertThat(withoutK1.open(value, closed, field)).isNotNull();
            return value;
        });
        assertThat(stored.getString("phoneHash")).isEqualTo(withoutK1.matchHash("phone", p.phone()));
        assertThat(stored.getString("idNumberHash")).isEqualTo(withoutK1.matchHash("id", p.idNumber()));
        assertThat(withoutK1.open(
                        raw(pending).get("pendingTransfer", Document.class).getString("reason"), pending, NOTES))
                .isEqualTo("属地办理转鼓东");
        assertReadsTheSame(closed, p);

        Person samePhone = new Person("另一人", q.phone(), Person.random().idNumber(), "仓山区", "再次来电");
        String repeat = desk.register(Tokens.cangshanRights(), Desk.intake(samePhone));
        JsonNode seen = desk.getCase(Tokens.cangshanRights(), repeat).json();
        assertThat(seen.get("possibleRepeat").asBoolean()).isTrue();
        assertThat(seen.get("repeatOf").valueStream().map(JsonNode::asString)).contains(pending);

        JsonNode again = desk.post(Tokens.admin(), RE_ENCRYPT, null).json();
        assertThat(again.get("resealed").asInt()).isZero();
        JsonNode ring = desk.get(Tokens.admin(), KEYS).json();
        assertThat(usage(ring, "k1")).as("sealed values left under k1").isZero();
        assertThat(usage(ring, "k2")).isGreaterThan(0);
    }

    @Test
    void aValueSealedWithAKeyThatIsNotConfiguredAnswers503AndReEncryptionRefusesTheCaseWritingNothingOfIt() {
        Person p = Person.random();
        String inCase = closedCaseWithAReadRecorded(p);
        sealAsBeforeRotation(inCase, p);
        Document withK9 = raw(inCase);
        withK9.get("personal", Document.class)
                .put(
                        "complainantAddress",
                        Sealing.v2("k9", Sealing.newKey(), p.address(), inCase, "complainant.address"));
        mongo.getCollection("rights_cases").replaceOne(new Document("_id", inCase), withK9);
        Person q = Person.random();
        String inRead = closedCaseWithAReadRecorded(q);
        sealAsBeforeRotation(inRead, q);
        mongo.getCollection("personal_data_reads")
                .updateMany(
                        new Document("caseId", inRead),
                        new Document(
                                "$set",
                                new Document("reason", Sealing.v2("k9", Sealing.newKey(), "回访", inRead, REASON))));
        try {
            Reply read = desk.getCase(Tokens.gulouRights(), inCase);
            assertThat(read.status()).isEqualTo(503);
            assertThat(read.json().get("detail").asString())
                    .contains("个人信息的密钥（k9）未配置，无法解密")
                    .contains("the key k9 for this case's personal data is not configured");
            assertThat(read.body()).doesNotContain(p.name(), p.address(), p.phone());
            assertThat(desk.act(Tokens.gulouRights(), inCase, "unmask", Map.of("reason", "核实"))
                            .status())
                    .isEqualTo(503);
            Reply audit = desk.get(Tokens.admin(), "/api/rights/audit?caseId=" + inRead);
            assertThat(audit.status()).isEqualTo(503);
            assertThat(audit.body()).contains("k9");

            relayed(inCase, inRead);
            List<Document> before = List.of(raw(inCase), raw(inRead));
            List<Document> readsBefore = reads(inCase, inRead);
            JsonNode run = desk.post(Tokens.admin(), RE_ENCRYPT, null).json();

            assertThat(run.get("refused")
                            .valueStream()
                            .map(r -> r.get("caseId").asString() + "/"
                                    + r.get("keyId").asString()))
                    .contains(inCase + "/k9", inRead + "/k9");
            assertThat(List.of(raw(inCase), raw(inRead))).isEqualTo(before);
            assertThat(reads(inCase, inRead)).isEqualTo(readsBefore);
            JsonNode ring = desk.get(Tokens.admin(), KEYS).json();
            assertThat(usage(ring, "k9")).isGreaterThanOrEqualTo(2);
            assertThat(ring.get("sealedValues")
                            .valueStream()
                            .filter(u -> u.get("keyId").asString().equals("k9"))
                            .findFirst()
                            .orElseThrow()
                            .get("configured")
                            .asBoolean())
                    .isFalse();
        } finally {
            // the key is gone for good in this installation: take the cases out so they do not hold up other tests
            for (String id : List.of(inCase, inRead)) {
                mongo.getCollection("rights_cases").deleteOne(new Document("_id", id));
                mongo.getCollection("personal_data_reads").deleteMany(new Document("caseId", id));
            }
        }
    }

    @Test
    void onlyAdministratorsSeeTheKeyRingAndReEncrypt() {
        for (var who : List.of(Tokens.gulouRights(), Tokens.cityRights(), Tokens.leader(), Tokens.gulouStaff())) {
            assertThat(desk.get(who, KEYS).status()).isEqualTo(403);
            assertThat(desk.post(who, RE_ENCRYPT, null).status()).isEqualTo(403);
        }
        JsonNode ring = desk.get(Tokens.admin(), KEYS).json();
        assertThat(ring.get("keys").valueStream().map(JsonNode::asString)).containsExactly("k1", "k2");
        assertThat(ring.get("current").asString()).isEqualTo("k2");
        assertThat(ring.get("matchKeyId").asString()).isEqualTo("k2");
        assertThat(ring.toString()).doesNotContain(K1, K2);
    }

    @Test
    void aDistrictAdministratorReEncryptsTheCasesOfItsDistrictOnly() {
        Person p = Person.random();
        String gulou = desk.register(Tokens.gulouRights(), Desk.intake(p));
        sealAsBeforeRotation(gulou, p);
        Person q = Person.random();
        String cangshan = desk.register(Tokens.cangshanRights(), Desk.intake(q));
        sealAsBeforeRotation(cangshan, q);

        Reply run = desk.post(TestTokens.user("gulou-admin", Tokens.GULOU, "district", "admin"), RE_ENCRYPT, null);

        assertThat(run.status()).isEqualTo(200);
        assertThat(sealedValues(gulou)).allSatisfy(v -> assertThat(v).startsWith("v2:k2:"));
        assertThat(sealedValues(cangshan)).allSatisfy(v -> assertThat(v).startsWith("v1:"));
    }

    /** Registered at 鼓楼, accepted, a step, closed, and its personal data read once with a reason. */
    private String closedCaseWithAReadRecorded(Person p) {
        String id = desk.register(Tokens.gulouRights(), Desk.intake(p));
        desk.ok(Tokens.gulouRights(), id, "accept", Map.of("note", "已电话联系当事人"));
        desk.ok(Tokens.gulouRights(), id, "steps", Map.of("type", "MEDIATION", "note", "组织双方调解"));
        desk.ok(Tokens.gulouRights(), id, "close", Map.of("outcome", "MEDIATED", "summary", "双方达成调解协议"));
        desk.ok(Tokens.gulouRights(), id, "unmask", Map.of("reason", "回访前核实联系方式"));
        return id;
    }

    /** The unmasked case and its access record say what was registered and written. */
    private void assertReadsTheSame(String id, Person p) {
        JsonNode c = desk.ok(Tokens.gulouRights(), id, "unmask", Map.of("reason", "核对"));
        assertThat(c.at("/complainant/name").asString()).isEqualTo(p.name());
        assertThat(c.at("/complainant/phone").asString()).isEqualTo(p.phone());
        assertThat(c.at("/complainant/idNumber").asString()).isEqualTo(p.idNumber());
        assertThat(c.at("/complainant/address").asString()).isEqualTo(p.address());
        assertThat(c.at("/respondent/relation").asString()).isEqualTo("丈夫");
        assertThat(c.get("account").asString()).isEqualTo(p.account());
        assertThat(c.get("closingSummary").asString()).isEqualTo("双方达成调解协议");
        assertThat(c.get("timeline").valueStream().map(t -> t.get("note").asString()))
                .contains("已电话联系当事人", "组织双方调解");
        JsonNode reads =
                desk.get(Tokens.admin(), "/api/rights/audit?caseId=" + id).json();
        assertThat(reads.get("items").valueStream().map(r -> r.get("reason").asString()))
                .contains("回访前核实联系方式");
    }

    /** Rewrites the case and its access record as the service stored them before key ids: {@code v1:} with k1. */
    private void sealAsBeforeRotation(String id, Person p) {
        Document c = raw(id);
        forEachSealed(c, id, (value, field) -> Sealing.v1(K1, cipher.open(value, id, field), id, field));
        c.put("phoneHash", beforeRotation.matchHash("phone", p.phone()));
        c.put("idNumberHash", beforeRotation.matchHash("id", p.idNumber()));
        mongo.getCollection("rights_cases").replaceOne(new Document("_id", id), c);
        for (Document read : reads(id)) {
            String reason = read.getString("reason");
            if (reason != null) {
                mongo.getCollection("personal_data_reads")
                        .updateOne(
                                new Document("_id", read.get("_id")),
                                new Document(
                                        "$set",
                                        new Document(
                                                "reason",
                                                Sealing.v1(K1, cipher.open(reason, id, REASON), id, REASON))));
            }
        }
    }

    /** Replaces every sealed value of a stored case by what {@code change} makes of it (value, bound name). */
    private static void forEachSealed(Document c, String id, BiFunction<String, String, String> change) {
        Document personal = c.get("personal", Document.class);
        PERSONAL.forEach((path, field) -> {
            if (personal.getString(path) != null) {
                personal.put(path, change.apply(personal.getString(path), field));
            }
        });
        if (c.getString("closingSummary") != null) {
            c.put("closingSummary", change.apply(c.getString("closingSummary"), NOTES));
        }
        Document transfer = c.get("pendingTransfer", Document.class);
        if (transfer != null && transfer.getString("reason") != null) {
            transfer.put("reason", change.apply(transfer.getString("reason"), NOTES));
        }
        for (Document t : c.getList("timeline", Document.class)) {
            if (t.getString("note") != null) {
                t.put("note", change.apply(t.getString("note"), NOTES));
            }
        }
    }

    /** Every sealed value of the case as stored, with the reasons of its recorded reads. */
    private List<String> sealedValues(String id) {
        List<String> values = new ArrayList<>();
        forEachSealed(raw(id), id, (value, field) -> {
            values.add(value);
            return value;
        });
        reads(id).stream()
                .map(r -> r.getString("reason"))
                .filter(r -> r != null)
                .forEach(values::add);
        return values;
    }

    /** Waits until the outbox relay has sent the cases' events, so the relay's own write is not counted as one. */
    private void relayed(String... ids) {
        Eventually.within(
                Duration.ofSeconds(20),
                "the outbox relay sending the cases' events",
                () -> List.of(ids).stream()
                        .allMatch(
                                id -> raw(id).getList("outbox", Document.class).isEmpty()));
    }

    private Document raw(String id) {
        return mongo.getCollection("rights_cases").find(new Document("_id", id)).first();
    }

    private List<Document> reads(String... caseIds) {
        return mongo.getCollection("personal_data_reads")
                .find(new Document("caseId", new Document("$in", List.of(caseIds))))
                .sort(new Document("_id", 1))
                .into(new ArrayList<>());
    }

    private static long usage(JsonNode ring, String keyId) {
        return ring.get("sealedValues")
                .valueStream()
                .filter(u -> u.get("keyId").asString().equals(keyId))
                .mapToLong(u -> u.get("values").asLong())
                .findFirst()
                .orElse(0);
    }
}
