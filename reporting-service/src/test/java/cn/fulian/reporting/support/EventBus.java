package cn.fulian.reporting.support;

import cn.fulian.events.DomainEvent;
import cn.fulian.events.EventCodec;
import cn.fulian.events.EventEnvelope;
import cn.fulian.events.Topics;
import cn.fulian.events.orgunit.OrgUnitChanged;
import cn.fulian.starter.test.Eventually;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

/**
 * The other services as seen from the broker: publishes their events like their outbox relays would, reads topics
 * back, and watches the read model's consumer group catch up.
 */
public final class EventBus implements AutoCloseable {

    public static final String READ_MODEL_GROUP = "reporting-service.read-model";

    private final EmbeddedKafkaBroker broker;
    private final EventCodec codec;
    private final KafkaProducer<String, String> producer;
    private final AdminClient admin;

    public EventBus(EmbeddedKafkaBroker broker, EventCodec codec) {
        this.broker = broker;
        this.codec = codec;
        this.producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        broker.getBrokersAsString(),
                        ProducerConfig.ACKS_CONFIG,
                        "all"),
                new StringSerializer(),
                new StringSerializer());
        this.admin =
                AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()));
    }

    /** Publishes an event keyed by its aggregate; returns the envelope sent. */
    public EventEnvelope publish(DomainEvent event, String orgPath, String aggregateId, Instant at) {
        EventEnvelope envelope = codec.wrap(event, "test", orgPath, aggregateId, at);
        send(event.topic(), aggregateId, codec.toJson(envelope));
        return envelope;
    }

    public void send(String topic, String key, String json) {
        try {
            producer.send(new ProducerRecord<>(topic, key, json)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    public void orgUnit(String code, String name, String level, String parentCode, String path) {
        orgUnit(new OrgUnitChanged(code, name, level, parentCode, path, false));
    }

    public void orgUnit(OrgUnitChanged unit) {
        publish(unit, unit.path(), unit.code(), Instant.parse("2026-01-01T00:00:00Z"));
    }

    /** Every record of the topics from the beginning (up to their end offsets now). */
    public List<ConsumerRecord<String, String>> readAll(
            List<String> topics, Predicate<ConsumerRecord<String, String>> filter) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<String, String>> out = new ArrayList<>();
        try (KafkaConsumer<String, String> c =
                new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> parts = new ArrayList<>();
            topics.forEach(t -> c.partitionsFor(t).forEach(i -> parts.add(new TopicPartition(t, i.partition()))));
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> end = c.endOffsets(parts);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(200))) {
                    if (r.offset() < end.get(new TopicPartition(r.topic(), r.partition())) && filter.test(r)) {
                        out.add(r);
                    }
                }
            }
        }
        return out;
    }

    /** Waits until the read model's group has committed every record of the topics that exist. */
    public void awaitCaughtUp(List<String> topics) {
        Eventually.within(Duration.ofSeconds(60), "read model caught up", () -> lag(topics) == 0);
    }

    public long lag(List<String> topics) {
        try {
            Set<String> existing = new HashSet<>(admin.listTopics().names().get());
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (String t : topics) {
                if (!existing.contains(t)) {
                    continue;
                }
                admin.describeTopics(List.of(t))
                        .allTopicNames()
                        .get()
                        .get(t)
                        .partitions()
                        .forEach(pi -> latest.put(new TopicPartition(t, pi.partition()), OffsetSpec.latest()));
            }
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(latest).all().get().forEach((tp, info) -> ends.put(tp, info.offset()));
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(READ_MODEL_GROUP)
                    .partitionsToOffsetAndMetadata()
                    .get();
            long lag = 0;
            for (Map.Entry<TopicPartition, Long> e : ends.entrySet()) {
                OffsetAndMetadata c = committed.get(e.getKey());
                lag += e.getValue() - (c == null ? 0 : c.offset());
            }
            return lag;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Moves the (stopped) read-model group back to offset 0 on every partition of the topics. */
    public void rewindReadModelGroup(List<String> topics) {
        // the stopped consumer may take a moment to leave the group; until then the broker refuses the change
        Eventually.within(Duration.ofSeconds(30), "read-model group rewound", () -> {
            try {
                rewind(topics);
                return true;
            } catch (IllegalStateException groupStillActive) {
                return false;
            }
        });
    }

    private void rewind(List<String> topics) {
        try {
            Map<TopicPartition, OffsetAndMetadata> zero = new HashMap<>();
            for (String t : topics) {
                admin.describeTopics(List.of(t))
                        .allTopicNames()
                        .get()
                        .get(t)
                        .partitions()
                        .forEach(pi -> zero.put(new TopicPartition(t, pi.partition()), new OffsetAndMetadata(0)));
            }
            admin.alterConsumerGroupOffsets(READ_MODEL_GROUP, zero).all().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    public EventCodec codec() {
        return codec;
    }

    @Override
    public void close() {
        producer.close();
        admin.close();
    }

    /** The topics the read model reads. */
    public static List<String> readModelTopics() {
        return List.of(Topics.PLANNING, Topics.ACTIVITY, Topics.RIGHTS, Topics.REPORTING);
    }
}
