package cn.fulian.bench;

import cn.fulian.events.DomainEvent;
import cn.fulian.events.EventCodec;
import cn.fulian.events.EventEnvelope;
import cn.fulian.events.Topics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes contract events the way the services' outbox relays do (EventCodec envelope, key = aggregate id,
 * idempotent producer, acks=all) and reads offsets: how many events the topics hold and the read model's lag.
 */
final class Kafka implements AutoCloseable {

    static final String READ_MODEL_GROUP = "reporting-service.read-model";
    static final List<String> READ_MODEL_TOPICS =
            List.of(Topics.PLANNING, Topics.ACTIVITY, Topics.RIGHTS, Topics.REPORTING);

    private final EventCodec codec = new EventCodec();
    private final KafkaProducer<String, String> bulk;
    private final KafkaProducer<String, String> immediate;
    private final Admin admin;
    private final AtomicReference<Exception> failure = new AtomicReference<>();

    Kafka(String bootstrap) {
        bulk = new KafkaProducer<>(producerProps(bootstrap, 20, 512 * 1024));
        immediate = new KafkaProducer<>(producerProps(bootstrap, 0, 16 * 1024));
        Properties a = new Properties();
        a.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        admin = Admin.create(a);
    }

    private static Properties producerProps(String bootstrap, int lingerMs, int batchSize) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.LINGER_MS_CONFIG, lingerMs);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, batchSize);
        p.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 64L * 1024 * 1024);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        return p;
    }

    EventCodec codec() {
        return codec;
    }

    /** Queues an event on the batching producer; failures surface in {@link #flush()}. */
    void publish(DomainEvent event, String source, String orgPath, String aggregateId) {
        EventEnvelope env = codec.wrap(event, source, orgPath, aggregateId, Instant.now());
        bulk.send(new ProducerRecord<>(event.topic(), aggregateId, codec.toJson(env)), (md, e) -> {
            if (e != null) {
                failure.compareAndSet(null, e);
            }
        });
    }

    /** Sends one event without lingering (latency runs); the future completes when Kafka acknowledged it. */
    Future<RecordMetadata> publishNow(DomainEvent event, String source, String orgPath, String aggregateId) {
        EventEnvelope env = codec.wrap(event, source, orgPath, aggregateId, Instant.now());
        return immediate.send(new ProducerRecord<>(event.topic(), aggregateId, codec.toJson(env)));
    }

    void flush() {
        bulk.flush();
        immediate.flush();
        Exception e = failure.getAndSet(null);
        if (e != null) {
            throw new IllegalStateException("publishing failed: " + e, e);
        }
    }

    /** Partitions of the topics that exist (a topic nobody wrote to yet may not). */
    private List<TopicPartition> partitions(List<String> topics) throws Exception {
        Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
        List<String> present = topics.stream().filter(existing::contains).toList();
        if (present.isEmpty()) {
            return List.of();
        }
        Map<String, TopicDescription> d =
                admin.describeTopics(present).allTopicNames().get(30, TimeUnit.SECONDS);
        List<TopicPartition> out = new ArrayList<>();
        d.values().forEach(t -> t.partitions().forEach(p -> out.add(new TopicPartition(t.name(), p.partition()))));
        return out;
    }

    private Map<TopicPartition, Long> offsets(List<TopicPartition> tps, OffsetSpec spec) throws Exception {
        if (tps.isEmpty()) {
            return Map.of();
        }
        Map<TopicPartition, ListOffsetsResultInfo> r = admin.listOffsets(
                        tps.stream().collect(Collectors.toMap(tp -> tp, tp -> spec)))
                .all()
                .get(30, TimeUnit.SECONDS);
        Map<TopicPartition, Long> out = new HashMap<>();
        r.forEach((tp, info) -> out.put(tp, info.offset()));
        return out;
    }

    /** Records currently held by the read model's four topics (end minus start offsets). */
    long eventsHeld() {
        try {
            List<TopicPartition> tps = partitions(READ_MODEL_TOPICS);
            Map<TopicPartition, Long> end = offsets(tps, OffsetSpec.latest());
            Map<TopicPartition, Long> start = offsets(tps, OffsetSpec.earliest());
            long n = 0;
            for (TopicPartition tp : tps) {
                n += end.get(tp) - start.get(tp);
            }
            return n;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read offsets: " + e, e);
        }
    }

    /** The read-model consumer group's lag over its four topics (a partition never committed counts in full). */
    long readModelLag() {
        try {
            List<TopicPartition> tps = partitions(READ_MODEL_TOPICS);
            Map<TopicPartition, Long> end = offsets(tps, OffsetSpec.latest());
            Map<TopicPartition, Long> start = offsets(tps, OffsetSpec.earliest());
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(READ_MODEL_GROUP)
                    .partitionsToOffsetAndMetadata()
                    .get(30, TimeUnit.SECONDS);
            long lag = 0;
            for (TopicPartition tp : tps) {
                OffsetAndMetadata c = committed.get(tp);
                long from = c == null ? start.get(tp) : c.offset();
                lag += Math.max(0, end.get(tp) - from);
            }
            return lag;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the read model's lag: " + e, e);
        }
    }

    /**
     * Waits until the read model's lag is 0; returns the moment (System.nanoTime) it was first seen at 0, or -1 after
     * the timeout. Progress is printed every 15 s.
     */
    long awaitNoLag(long timeoutSeconds, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        long lastPrint = System.nanoTime();
        while (System.nanoTime() < deadline) {
            long lag = readModelLag();
            long now = System.nanoTime();
            if (lag == 0) {
                return now;
            }
            if (now - lastPrint > TimeUnit.SECONDS.toNanos(15)) {
                Log.line("  %s: read-model lag %,d", what, lag);
                lastPrint = now;
            }
            sleep(200);
        }
        return -1;
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        bulk.close();
        immediate.close();
        admin.close();
    }
}
