package cn.fulian.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.fulian.events.activity.HonourReviewed;
import cn.fulian.events.catalogue.StandardMetrics;
import cn.fulian.events.orgunit.OrgUnitChanged;
import cn.fulian.events.orgunit.UnitType;
import cn.fulian.events.planning.TaskPublished;
import cn.fulian.events.rights.CaseClosed;
import cn.fulian.events.rights.CaseRegistered;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

class EventContractTest {

    private final EventCodec codec = new EventCodec();

    static Stream<String> types() {
        return EventTypes.all().keySet().stream().sorted();
    }

    @ParameterizedTest
    @MethodSource("types")
    void sampleRoundTripsThroughItsContractRecordUnchanged(String type) throws IOException {
        String sample = sample(type);
        EventEnvelope envelope = codec.fromJson(sample);

        DomainEvent event = codec.payload(envelope);
        assertThat(event.eventType()).isEqualTo(type);
        assertThat(event.getClass()).isEqualTo(EventTypes.classOf(type).orElseThrow());

        EventEnvelope rewrapped = new EventEnvelope(
                envelope.eventId(),
                event.eventType(),
                envelope.version(),
                envelope.occurredAt(),
                envelope.source(),
                envelope.orgPath(),
                envelope.aggregateId(),
                codec.mapper().valueToTree(event));
        assertThat(tree(codec.toJson(rewrapped))).isEqualTo(tree(sample));
    }

    @Test
    void typeOnTheWireIsTheStableNameNotTheClassName() {
        TaskPublished event = codec.payload(codec.fromJson(sampleUnchecked("TaskPublished")), TaskPublished.class);
        EventEnvelope envelope = codec.wrap(event, "planning-service", "350100", event.taskId(), Instant.now());

        JsonNode json = tree(codec.toJson(envelope));
        assertThat(json.get("type").asString()).isEqualTo("TaskPublished");
        assertThat(codec.toJson(envelope)).doesNotContain("cn.fulian");
        assertThat(json.get("payload").has("eventType")).isFalse();
        assertThat(json.get("payload").get("indicator").get("target").decimalValue())
                .isEqualByComparingTo("200");
    }

    @Test
    void aTaskPublishedBeforeSourcesExistedReadsWithoutOne() throws IOException {
        String old = sample("TaskPublished").replaceAll("(?s),\\s*\"source\": \\{[^}]*\\}", "");
        assertThat(old).doesNotContain("personsSupported");
        TaskPublished event = codec.payload(codec.fromJson(old), TaskPublished.class);
        assertThat(event.indicator().source()).isNull();
        assertThat(event.indicator().name()).isEqualTo("救助春蕾女童");
    }

    @Test
    void theStandardMetricsNameEveryMetricAnIndicatorSourceMayUse() {
        assertThat(StandardMetrics.find("jobsOffered")).get().satisfies(m -> {
            assertThat(m.unit()).isEqualTo("个");
            assertThat(m.isMoney()).isFalse();
        });
        assertThat(StandardMetrics.find("loanAmount"))
                .get()
                .satisfies(m -> assertThat(m.isMoney()).isTrue());
        assertThat(StandardMetrics.find("teleportations")).isEmpty();
    }

    @Test
    void everyEventNamesItsTopic() {
        EventTypes.all().forEach((type, cls) -> {
            DomainEvent event = codec.payload(codec.fromJson(sampleUnchecked(type)));
            assertThat(event.topic()).as(type).endsWith(".v1");
        });
    }

    @Test
    void eventsWrittenBeforeTheyCarriedTheirDayStillDecodeWithoutIt() {
        CaseRegistered registered = codec.payload(
                codec.fromJson(withoutField(sampleUnchecked(CaseRegistered.TYPE), "receivedOn")), CaseRegistered.class);
        assertThat(registered.receivedOn()).isNull();
        assertThat(registered.concludeDueDate()).isEqualTo(LocalDate.of(2026, 5, 7));
        assertThat(registered.possibleRepeat()).isFalse();

        CaseClosed closed = codec.payload(
                codec.fromJson(withoutField(sampleUnchecked(CaseClosed.TYPE), "closedOn")), CaseClosed.class);
        assertThat(closed.closedOn()).isNull();
        assertThat(closed.onTime()).isTrue();

        HonourReviewed reviewed = codec.payload(
                codec.fromJson(withoutField(sampleUnchecked(HonourReviewed.TYPE), "reviewedOn")), HonourReviewed.class);
        assertThat(reviewed.reviewedOn()).isNull();
        assertThat(reviewed.level()).isEqualTo("CITY");
    }

    @Test
    void aUnitChangeFromBeforeUnitTypesTakesTheTypeItsLevelImplies() {
        OrgUnitChanged old = codec.payload(
                codec.fromJson(withoutField(sampleUnchecked(OrgUnitChanged.TYPE), "type")), OrgUnitChanged.class);
        assertThat(old.type()).isNull();
        assertThat(old.unitType()).isEqualTo(UnitType.DISTRICT);

        OrgUnitChanged township =
                new OrgUnitChanged("350102001", "鼓东街道", null, "350102", "350100/350102/350102001", false, null);
        assertThat(township.unitType()).isEqualTo(UnitType.TOWNSHIP);
        OrgUnitChanged future =
                new OrgUnitChanged("350102", "鼓楼区", "DISTRICT", "350100", "350100/350102", false, "GALAXY");
        assertThat(future.unitType()).isEqualTo(UnitType.DISTRICT);
    }

    @Test
    void aUnitChangeCarriesItsTypeOnTheWireButNotTheDerivedOne() {
        OrgUnitChanged organ = new OrgUnitChanged(
                "350102-001", "区直机关", "TOWNSHIP", "350102", "350100/350102/350102-001", false, "ORGAN");
        JsonNode payload = codec.mapper().valueToTree(organ);
        assertThat(payload.get("type").asString()).isEqualTo("ORGAN");
        assertThat(payload.has("unitType")).isFalse();
        assertThat(organ.unitType()).isEqualTo(UnitType.ORGAN);
    }

    @Test
    void garbageIsUnreadableRatherThanAnUnexpectedCrash() {
        assertThatThrownBy(() -> codec.fromJson("{not json")).isInstanceOf(UnreadableEventException.class);
        assertThatThrownBy(() -> codec.fromJson("{\"type\":\"TaskPublished\"}"))
                .isInstanceOf(UnreadableEventException.class);
        String unknown = sampleUnchecked("CaseClosed").replace("\"CaseClosed\"", "\"CaseTeleported\"");
        assertThatThrownBy(() -> codec.payload(codec.fromJson(unknown))).isInstanceOf(UnreadableEventException.class);
    }

    /** The sample as an older producer wrote it: the payload without {@code field}. */
    private String withoutField(String sample, String field) {
        JsonNode json = tree(sample);
        ((tools.jackson.databind.node.ObjectNode) json.get("payload")).remove(field);
        assertThat(json.get("payload").has(field)).isFalse();
        return json.toString();
    }

    private JsonNode tree(String json) {
        return codec.mapper().readTree(json);
    }

    private static String sampleUnchecked(String type) {
        try {
            return sample(type);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sample(String type) throws IOException {
        try (InputStream in = EventContractTest.class.getResourceAsStream("/samples/" + type + ".json")) {
            assertThat(in).as("sample file for " + type).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
