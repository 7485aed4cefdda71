package cn.fulian.reporting.dashboard;

import static cn.fulian.reporting.support.Units.CANGQIAN;
import static cn.fulian.reporting.support.Units.CANGSHAN;
import static cn.fulian.reporting.support.Units.CITY;
import static cn.fulian.reporting.support.Units.GUDONG;
import static cn.fulian.reporting.support.Units.GULOU;
import static cn.fulian.reporting.support.Units.GUXI;
import static org.assertj.core.api.Assertions.assertThat;

import cn.fulian.events.EventCodec;
import cn.fulian.events.activity.HonourAwarded;
import cn.fulian.events.activity.HonourReviewed;
import cn.fulian.events.rights.CaseClosed;
import cn.fulian.events.rights.CaseRegistered;
import cn.fulian.events.rights.CaseTransferred;
import cn.fulian.reporting.readmodel.ReadModel;
import cn.fulian.reporting.readmodel.RebuildService;
import cn.fulian.reporting.support.Dashboards;
import cn.fulian.reporting.support.EventBus;
import cn.fulian.reporting.support.Redelivery;
import cn.fulian.reporting.support.ReportingTest;
import cn.fulian.reporting.support.Units;
import cn.fulian.starter.outbox.OutboxRelay;
import cn.fulian.starter.test.Eventually;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/**
 * An earlier year's ledgers moved in now: petitions received in 2013 and honours reviewed in 2013, all typed in during
 * 2026. They count in 2013 at every level, and events that do not say when things happened keep the old rule.
 */
@ReportingTest
class PastYearLedgerTest {

    static final int LEDGER_YEAR = 2013;
    static final int UNDATED_YEAR = 2014;
    static final List<String> UNITS = List.of(CITY, GULOU, CANGSHAN, GUDONG, GUXI, CANGQIAN);

    @Autowired
    MockMvc mvc;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    EventCodec codec;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    OutboxRelay relay;

    @Autowired
    RebuildService rebuilds;

    @Test
    void casesReceivedIn2013CountIn2013AtEveryLevelWithTheirRepeatsAndRedeliveryChangesNothing() throws Exception {
        try (EventBus bus = new EventBus(broker, codec)) {
            Units.register(bus);
            received(bus, "c13-1", GUDONG, "MARRIAGE_FAMILY", day(3, 4), false);
            closed(bus, "c13-1", GUDONG, "MARRIAGE_FAMILY", day(4, 20), true);
            received(bus, "c13-2", GUDONG, "PROPERTY_RIGHTS", day(6, 1), true);
            closed(bus, "c13-2", GUDONG, "PROPERTY_RIGHTS", day(7, 1), true);
            received(bus, "c13-3", GUXI, "MARRIAGE_FAMILY", day(12, 30), false);
            received(bus, "c13-4", CANGQIAN, "PROPERTY_RIGHTS", day(5, 5), true);
            closed(bus, "c13-4", CANGQIAN, "PROPERTY_RIGHTS", day(9, 1), false);
            // a repeat petition handed up to the district: the district answers for it, repeat and all
            received(bus, "c13-5", GUDONG, "MARRIAGE_FAMILY", day(8, 8), true);
            bus.publish(
                    new CaseTransferred("c13-5", GUDONG, GULOU, "MARRIAGE_FAMILY", typedIn(3), "LETTER", "UP"),
                    GULOU,
                    "c13-5",
                    typedIn(3));
            // from a producer that did not yet say when a case came in: counts in the year it was registered
            bus.publish(
                    new CaseRegistered(
                            "c14-undated",
                            GUXI,
                            "LETTER",
                            "MARRIAGE_FAMILY",
                            false,
                            Instant.parse(UNDATED_YEAR + "-05-06T02:00:00Z"),
                            LocalDate.of(UNDATED_YEAR, 5, 21),
                            LocalDate.of(UNDATED_YEAR, 7, 5),
                            true),
                    GUXI,
                    "c14-undated",
                    typedIn(4));
            awaitQuiet(bus);

            // received, closed, on time, repeats
            Map<String, long[]> expected = new LinkedHashMap<>();
            expected.put(CITY, new long[] {5, 3, 2, 3});
            expected.put(GULOU, new long[] {4, 2, 2, 2});
            expected.put(GUDONG, new long[] {2, 2, 2, 1});
            expected.put(GUXI, new long[] {1, 0, 0, 0});
            expected.put(CANGSHAN, new long[] {1, 1, 0, 1});
            expected.put(CANGQIAN, new long[] {1, 1, 0, 1});
            Map<String, String> before = new LinkedHashMap<>();
            for (String unit : UNITS) {
                JsonNode rights = rights(unit, LEDGER_YEAR);
                long[] e = expected.get(unit);
                assertThat(rights.get("received").asLong())
                        .as("received at " + unit)
                        .isEqualTo(e[0]);
                assertThat(rights.get("closed").asLong())
                        .as("closed at " + unit)
                        .isEqualTo(e[1]);
                assertThat(rights.get("closedOnTime").asLong())
                        .as("on time at " + unit)
                        .isEqualTo(e[2]);
                assertThat(rights.get("repeatPetitions").asLong())
                        .as("repeats at " + unit)
                        .isEqualTo(e[3]);
                assertThat(rights.get("closureRate").decimalValue())
                        .as("closure rate at " + unit)
                        .isEqualByComparingTo(String.valueOf(e[1] * 1000 / e[0] / 10.0));
                assertThat(rights(unit, 2026).get("received").asLong())
                        .as("nothing of 2013 counts in the year it was typed in, at " + unit)
                        .isZero();
                before.put(unit, rights.toString());
            }
            JsonNode marriage = category(rights(GULOU, LEDGER_YEAR), "MARRIAGE_FAMILY");
            assertThat(marriage.get("received").asLong()).isEqualTo(3);
            assertThat(mongo.findById(ReadModel.yearUnitId(LEDGER_YEAR, CITY), Document.class, ReadModel.RIGHTS)
                            .get("categories", Document.class)
                            .get("PROPERTY_RIGHTS", Document.class)
                            .get("repeat", Number.class)
                            .longValue())
                    .as("repeats per category")
                    .isEqualTo(2);

            JsonNode undated = rights(GUXI, UNDATED_YEAR);
            assertThat(undated.get("received").asLong()).isEqualTo(1);
            assertThat(undated.get("repeatPetitions").asLong()).isEqualTo(1);

            redeliverEverythingWithoutMarkers(bus);
            injectDuplicates(bus);
            for (String unit : UNITS) {
                assertThat(rights(unit, LEDGER_YEAR).toString())
                        .as("after redelivery and duplicates, at " + unit)
                        .isEqualTo(before.get(unit));
            }
        }
    }

    @Test
    void honourReviewsOf2013CountIn2013WhateverDayTheyWereTypedIn() {
        try (EventBus bus = new EventBus(broker, codec)) {
            Units.register(bus);
            String[][] reviews = {
                {"hon13-1", GUDONG, "RETAINED", null},
                {"hon13-2", GUDONG, "RETAINED", null},
                {"hon13-3", GUXI, "REVOKED", null},
                {"hon13-4", GUXI, "TRANSFERRED", CANGQIAN},
                {"hon13-5", CANGQIAN, "RETAINED", null},
            };
            for (String[] r : reviews) {
                bus.publish(
                        new HonourAwarded(r[0], "MODEL_VILLAGE", "CITY", r[1], "示范村 " + r[0], LocalDate.of(2010, 3, 8)),
                        r[1],
                        r[0],
                        typedIn(5));
                bus.publish(
                        new HonourReviewed(
                                r[0], "MODEL_VILLAGE", r[1], "2013年复查", r[2], r[3], "CITY", LocalDate.of(2013, 11, 20)),
                        r[1],
                        r[0],
                        typedIn(6));
            }
            // a review from a producer that did not yet say its day: the year it was published
            bus.publish(
                    new HonourReviewed("hon14-undated", "MODEL_VILLAGE", GUDONG, "2014年复查", "REVOKED", null, "CITY"),
                    GUDONG,
                    "hon14-undated",
                    Instant.parse(UNDATED_YEAR + "-12-01T02:00:00Z"));
            awaitQuiet(bus);

            assertThat(reviewed(CITY, LEDGER_YEAR)).containsExactly(3L, 1L, 1L);
            assertThat(reviewed(GULOU, LEDGER_YEAR)).containsExactly(2L, 1L, 1L);
            assertThat(reviewed(GUXI, LEDGER_YEAR)).containsExactly(0L, 1L, 1L);
            assertThat(reviewed(CANGSHAN, LEDGER_YEAR)).containsExactly(1L, 0L, 0L);
            assertThat(reviewed(CITY, 2026)).containsExactly(0L, 0L, 0L);
            assertThat(reviewed(GUDONG, UNDATED_YEAR)).containsExactly(0L, 1L, 0L);
        }
    }

    // ---------------------------------------------------------------- publishing

    private static LocalDate day(int month, int dayOfMonth) {
        return LocalDate.of(LEDGER_YEAR, month, dayOfMonth);
    }

    /** When the ledger was typed in: a day of March 2026. */
    private static Instant typedIn(int dayOfMarch) {
        return Instant.parse(String.format("2026-03-%02dT02:00:00Z", dayOfMarch));
    }

    private static void received(EventBus bus, String id, String unit, String category, LocalDate on, boolean repeat) {
        bus.publish(
                new CaseRegistered(
                        id, unit, "LETTER", category, false, typedIn(2), on.plusDays(15), on.plusDays(60), repeat, on),
                unit,
                id,
                typedIn(2));
    }

    private static void closed(EventBus bus, String id, String unit, String category, LocalDate on, boolean onTime) {
        bus.publish(
                new CaseClosed(id, unit, category, typedIn(2), onTime, "RESOLVED", "LETTER", on.plusDays(30), on),
                unit,
                id,
                typedIn(2));
    }

    // ---------------------------------------------------------------- reading

    private JsonNode rights(String unit, int year) throws Exception {
        return Dashboards.leaderView(mvc, codec, unit, year).get("rights");
    }

    private static JsonNode category(JsonNode rights, String category) {
        for (JsonNode c : rights.get("categories")) {
            if (c.get("category").asString().equals(category)) {
                return c;
            }
        }
        throw new AssertionError("no category " + category + " in " + rights);
    }

    /** Retained, revoked, transferred reviews of model villages in the unit's subtree in the year. */
    private List<Long> reviewed(String unit, int year) {
        Document doc = mongo.findById(ReadModel.yearUnitId(year, unit), Document.class, ReadModel.HONOURS);
        Document kind = doc == null || doc.get("kinds", Document.class) == null
                ? new Document()
                : doc.get("kinds", Document.class).get("MODEL_VILLAGE", Document.class);
        Document counts = kind == null ? new Document() : kind;
        return List.of("RETAINED", "REVOKED", "TRANSFERRED").stream()
                .map(o -> counts.get(o) == null ? 0L : ((Number) counts.get(o)).longValue())
                .toList();
    }

    // ---------------------------------------------------------------- redelivery

    private void awaitQuiet(EventBus bus) {
        Eventually.within(Duration.ofSeconds(30), "outbox drained", () -> relay.pendingCount() == 0);
        bus.awaitCaughtUp(EventBus.readModelTopics());
    }

    private void redeliverEverythingWithoutMarkers(EventBus bus) {
        Redelivery.everythingWithoutMarkers(bus, rebuilds, mongo);
        awaitQuiet(bus);
    }

    /** This ledger's events again under new offsets. */
    private void injectDuplicates(EventBus bus) {
        assertThat(Redelivery.resend(bus, r -> r.key() != null && r.key().startsWith("c13-")))
                .isEqualTo(9);
        awaitQuiet(bus);
    }
}
