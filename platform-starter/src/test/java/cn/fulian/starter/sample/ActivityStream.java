package cn.fulian.starter.sample;

import cn.fulian.events.EventCodec;
import cn.fulian.events.activity.ActivityRecorded;
import cn.fulian.starter.scope.OrgPath;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

/**
 * Activities at random units, published to a fresh two-partition topic, with the participants per unit and ancestor a
 * read model must arrive at, computed here independently of any consumer.
 */
record ActivityStream(String topic, List<String> envelopes, Map<String, Long> expected) {

    static ActivityStream publish(
            EmbeddedKafkaBroker broker, EventCodec codec, String prefix, List<String> units, int count, long seed) {
        String topic = prefix + "-" + System.nanoTime();
        broker.addTopics(new NewTopic(topic, 2, (short) 1));
        Random random = new Random(seed);
        List<String> envelopes = new ArrayList<>();
        Map<String, Long> expected = new TreeMap<>();
        for (int i = 0; i < count; i++) {
            String unit = units.get(random.nextInt(units.size()));
            long participants = 1 + random.nextInt(200);
            envelopes.add(envelope(codec, "act-" + i, unit, participants));
            for (OrgPath p : OrgPath.of(unit).selfAndAncestors()) {
                expected.merge(p.value(), participants, Long::sum);
            }
        }
        ActivityStream stream = new ActivityStream(topic, List.copyOf(envelopes), expected);
        stream.send(broker, codec);
        return stream;
    }

    /** One activity as activity-service publishes it: {@code participants} people at {@code unit}. */
    static String envelope(EventCodec codec, String activityId, String unit, long participants) {
        ActivityRecorded event = new ActivityRecorded(
                activityId,
                unit,
                "TRAINING",
                2026,
                LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 3, 1),
                Map.of("participants", BigDecimal.valueOf(participants)),
                List.of());
        return codec.toJson(codec.wrap(event, "activity-service", unit, activityId, Instant.now()));
    }

    /** Sends every envelope (again), keyed by its aggregate as the outbox does. */
    void send(EmbeddedKafkaBroker broker, EventCodec codec) {
        try (KafkaProducer<String, String> producer = KafkaProbe.producer(broker)) {
            for (String json : envelopes) {
                KafkaProbe.send(producer, topic, codec.fromJson(json).aggregateId(), json);
            }
        }
    }
}
