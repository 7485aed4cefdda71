package cn.fulian.starter.sample;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fulian.events.EventCodec;
import cn.fulian.events.EventEnvelope;
import cn.fulian.events.Topics;
import cn.fulian.starter.outbox.OutboxEntry;
import cn.fulian.starter.outbox.OutboxRelay;
import cn.fulian.starter.test.Eventually;
import cn.fulian.starter.test.ServiceTest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

@ServiceTest
class OutboxRelayTest {

    @Autowired
    SampleActivityRepository repository;

    @Autowired
    OutboxRelay relay;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    EventCodec codec;

    @Test
    void everySavedEventIsPublishedOnceWithItsEnvelopeEvenWhenAStaleCopyIsSavedAfterThePublish() {
        List<OutboxEntry> recorded = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (String unit : List.of("350100/350102", "350100/350102/350102001", "350100/350104")) {
            SampleActivity a =
                    SampleActivity.record(UUID.randomUUID().toString(), unit, "巾帼创业培训", 40, LocalDate.of(2026, 5, 1));
            recorded.addAll(a.pendingEvents());
            ids.add(a.id());
            repository.save(a);
        }
        // loaded while its first event is still pending; the relay publishes it before this copy is saved again
        SampleActivity amended = repository.findById(ids.get(0)).orElseThrow();
        Eventually.within(
                Duration.ofSeconds(20),
                "first events drained",
                () -> outboxOf(ids).isEmpty());
        amended.amend(45, "补录签到");
        recorded.add(amended.pendingEvents().get(amended.pendingEvents().size() - 1));
        repository.save(amended);

        Eventually.within(
                Duration.ofSeconds(20), "outbox drained", () -> outboxOf(ids).isEmpty());

        Set<String> idSet = Set.copyOf(ids);
        List<EventEnvelope> published =
                KafkaProbe.read(broker, Topics.ACTIVITY, r -> idSet.contains(r.key()), 4).stream()
                        .map(ConsumerRecord::value)
                        .map(codec::fromJson)
                        .toList();
        Map<String, OutboxEntry> byId =
                recorded.stream().collect(Collectors.toMap(OutboxEntry::eventId, Function.identity()));

        assertThat(published).hasSize(4);
        assertThat(published)
                .extracting(e -> e.eventId().toString())
                .containsExactlyInAnyOrderElementsOf(byId.keySet());
        for (EventEnvelope e : published) {
            OutboxEntry entry = byId.get(e.eventId().toString());
            assertThat(e.type()).isEqualTo(entry.type());
            assertThat(e.source()).isEqualTo("sample-service");
            assertThat(e.orgPath()).isEqualTo(entry.orgPath());
            assertThat(e.aggregateId()).isEqualTo(entry.aggregateId());
            assertThat(e.version()).isEqualTo(1);
        }
        assertThat(published.stream().filter(e -> e.type().equals("ActivityAmended")))
                .singleElement()
                .satisfies(e -> assertThat(
                                e.payload().get("delta").get("participants").asInt())
                        .isEqualTo(5));
    }

    @Test
    void anEventWrittenBackByACopySavedDuringThePublishIsNotSentAgain() {
        SampleActivity a = SampleActivity.record(
                UUID.randomUUID().toString(), "350100/350104", "家庭教育讲座", 30, LocalDate.of(2026, 7, 1));
        repository.save(a);
        Eventually.within(
                Duration.ofSeconds(20),
                "outbox drained",
                () -> outboxOf(List.of(a.id())).isEmpty());
        // the race the save callback cannot close: a copy loaded before the pull is written after it
        Document stale = mongo.findById(a.id(), Document.class, "sample_activities");
        Document entry = new Document("eventId", a.pendingEvents().get(0).eventId())
                .append("type", a.pendingEvents().get(0).type())
                .append("topic", Topics.ACTIVITY)
                .append("orgPath", "350100/350104")
                .append("aggregateId", a.id())
                .append("occurredAt", new java.util.Date())
                .append("payload", "{}");
        stale.put("outbox", List.of(entry));
        mongo.save(stale, "sample_activities");
        relay.wakeUp();

        Eventually.within(
                Duration.ofSeconds(20),
                "written-back entry pulled",
                () -> outboxOf(List.of(a.id())).isEmpty());
        SampleActivity later = SampleActivity.record(
                UUID.randomUUID().toString(), "350100/350104", "后续活动", 1, LocalDate.of(2026, 7, 2));
        repository.save(later);
        // once the later event is on the topic, anything the relay did with the written-back entry is there too
        KafkaProbe.read(broker, Topics.ACTIVITY, r -> later.id().equals(r.key()), 1);
        List<ConsumerRecord<String, String>> sent =
                KafkaProbe.read(broker, Topics.ACTIVITY, r -> a.id().equals(r.key()), 1);
        assertThat(sent).hasSize(1);
        assertThat(codec.fromJson(sent.get(0).value()).eventId().toString())
                .isEqualTo(a.pendingEvents().get(0).eventId());
    }

    @Test
    void eventsOfOneAggregateArePublishedInTheOrderTheyWereRecorded() {
        SampleActivity a = SampleActivity.record(
                UUID.randomUUID().toString(), "350100/350102", "两癌筛查宣传", 10, LocalDate.of(2026, 6, 1));
        for (int n = 11; n <= 15; n++) {
            a.amend(n, "第" + n + "次更正");
        }
        List<String> order =
                a.pendingEvents().stream().map(OutboxEntry::eventId).toList();
        repository.save(a);

        Eventually.within(
                Duration.ofSeconds(20),
                "outbox drained",
                () -> outboxOf(List.of(a.id())).isEmpty());

        List<String> seen = KafkaProbe.read(broker, Topics.ACTIVITY, r -> a.id().equals(r.key()), order.size()).stream()
                .map(r -> codec.fromJson(r.value()).eventId().toString())
                .toList();
        assertThat(seen).containsExactlyElementsOf(order);
        assertThat(relay.pendingCount()).isZero();
    }

    private List<Object> outboxOf(List<String> ids) {
        List<Object> pending = new ArrayList<>();
        for (String id : ids) {
            Document doc = mongo.findById(id, Document.class, "sample_activities");
            pending.addAll(doc.getList("outbox", Object.class));
        }
        return pending;
    }
}
