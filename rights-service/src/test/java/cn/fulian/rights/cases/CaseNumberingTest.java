package cn.fulian.rights.cases;

import static cn.fulian.rights.support.Tokens.gudongRights;
import static cn.fulian.rights.support.Tokens.gulouRights;
import static cn.fulian.rights.support.Tokens.gulouStaff;
import static org.assertj.core.api.Assertions.assertThat;

import cn.fulian.rights.support.DemoUnits;
import cn.fulian.rights.support.Desk;
import cn.fulian.rights.support.MutableClock;
import cn.fulian.rights.support.Person;
import cn.fulian.rights.support.RightsServiceTest;
import cn.fulian.rights.support.Tokens;
import cn.fulian.starter.orgunit.OrgUnitDirectory;
import cn.fulian.starter.scope.OrgPath;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

@RightsServiceTest
class CaseNumberingTest {

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
    CaseNumberBackfill backfill;

    Desk desk;

    @BeforeEach
    void setUp() {
        desk = new Desk(mvc);
        clock.setLocal(LocalDateTime.of(2026, 5, 6, 10, 30));
        DemoUnits.ensure(broker, directory);
    }

    @Test
    void eachUnitCountsItsOwnCasesOfTheYearTheyCameIn() {
        JsonNode first = register(gulouRights(), null);
        JsonNode atGudong = register(gudongRights(), null);
        JsonNode second = register(gulouRights(), null);
        JsonNode lastYear = register(gulouRights(), "2025-12-30");
        JsonNode lastYearAgain = register(gulouRights(), "2025-11-02");

        assertThat(number(first)).matches("鼓楼-2026-\\d{4}");
        assertThat(number(atGudong)).matches("鼓东-2026-\\d{4}");
        assertThat(sequence(second)).isEqualTo(sequence(first) + 1);
        assertThat(number(lastYear)).matches("鼓楼-2025-\\d{4}");
        assertThat(sequence(lastYearAgain)).isEqualTo(sequence(lastYear) + 1);
    }

    @Test
    void theNumberIsInTheCaseAndItsListRowAndTheListFindsTheCaseByIt() {
        JsonNode registered = register(gulouRights(), null);
        String number = number(registered);
        String id = registered.get("id").asString();

        assertThat(desk.getCase(gulouStaff(), id).json().get("caseNumber").asString())
                .isEqualTo(number);
        JsonNode found = desk.get(gulouRights(), Desk.CASES + "?q=" + number).json();
        assertThat(found.get("total").asLong()).isEqualTo(1);
        assertThat(found.at("/items/0/id").asString()).isEqualTo(id);
        assertThat(found.at("/items/0/caseNumber").asString()).isEqualTo(number);

        String digits = number.substring(number.lastIndexOf('-') + 1);
        JsonNode byPart = desk.get(gulouRights(), Desk.CASES + "?size=100&q=2026-" + digits)
                .json();
        assertThat(byPart.get("items").valueStream().map(i -> i.get("id").asString()))
                .contains(id);
        assertThat(desk.get(gulouRights(), Desk.CASES + "?q=" + id)
                        .json()
                        .get("total")
                        .asLong())
                .isEqualTo(1);
        assertThat(desk.get(gulouRights(), Desk.CASES + "?q=.*")
                        .json()
                        .get("total")
                        .asLong())
                .as("the text is matched literally")
                .isZero();
        assertThat(desk.get(gulouRights(), Desk.CASES + "?q=" + "鼓".repeat(51)).status())
                .isEqualTo(400);
    }

    @Test
    void registrationsAtTheSameMomentGetDistinctNumbers() throws Exception {
        int n = 8;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Callable<String>> intakes = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                intakes.add(() -> {
                    start.await();
                    return desk.register(gulouRights(), Desk.intake(Person.random()));
                });
            }
            List<Future<String>> ids = new ArrayList<>();
            for (Callable<String> intake : intakes) {
                ids.add(pool.submit(intake));
            }
            start.countDown();
            List<Long> sequences = new ArrayList<>();
            for (Future<String> id : ids) {
                sequences.add(sequence(desk.getCase(gulouRights(), id.get()).json()));
            }
            assertThat(new HashSet<>(sequences)).hasSize(n);
            assertThat(sequences.stream().mapToLong(Long::longValue).max().getAsLong()
                            - sequences.stream()
                                    .mapToLong(Long::longValue)
                                    .min()
                                    .getAsLong())
                    .as("no number skipped")
                    .isEqualTo(n - 1);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void twoInstancesDrawingNumbersAtOnceNeverDrawTheSameOne() throws Exception {
        CaseNumbers one = new CaseNumbers(mongo, directory);
        CaseNumbers other = new CaseNumbers(mongo, directory);
        OrgPath unit = OrgPath.of(Tokens.GUXI);
        int year = 2026;
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<String>> draws = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                CaseNumbers instance = i % 2 == 0 ? one : other;
                draws.add(() -> instance.next(unit, year).toString());
            }
            List<String> numbers = new ArrayList<>();
            for (Future<String> f : pool.invokeAll(draws)) {
                numbers.add(f.get());
            }
            assertThat(new HashSet<>(numbers)).hasSize(40);
            assertThat(numbers).allMatch(x -> x.startsWith("鼓西-2026-"));
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aCaseRegisteredBeforeCasesHadNumbersIsNumberedByTheBackfillOnce() {
        String id = register(gudongRights(), "2026-01-15").get("id").asString();
        mongo.getCollection("rights_cases")
                .updateOne(new Document("_id", id), new Document("$unset", new Document("caseNumber", "")));
        assertThat(desk.getCase(gudongRights(), id).json().get("caseNumber").isNull())
                .isTrue();

        assertThat(backfill.numberOldCases()).isGreaterThanOrEqualTo(1);

        JsonNode numbered = desk.getCase(gudongRights(), id).json();
        assertThat(number(numbered)).matches("鼓东-2026-\\d{4}");
        assertThat(backfill.numberOldCases()).isZero();
        assertThat(desk.getCase(gudongRights(), id).json().get("caseNumber").asString())
                .isEqualTo(number(numbered));
        desk.ok(gudongRights(), id, "accept", null);
        assertThat(desk.getCase(gudongRights(), id).json().get("caseNumber").asString())
                .as("kept through later actions")
                .isEqualTo(number(numbered));
    }

    private JsonNode register(JwtRequestPostProcessor who, String receivedOn) {
        Map<String, Object> body = Desk.intake(Person.random());
        if (receivedOn != null) {
            body.put("receivedOn", receivedOn);
        }
        Desk.Reply r = desk.post(who, Desk.CASES, body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    private static String number(JsonNode c) {
        return c.get("caseNumber").asString();
    }

    private static long sequence(JsonNode c) {
        String n = number(c);
        return Long.parseLong(n.substring(n.lastIndexOf('-') + 1));
    }
}
