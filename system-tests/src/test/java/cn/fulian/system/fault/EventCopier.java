package cn.fulian.system.fault;

import static cn.fulian.system.PlatformApi.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.JsonNode;

/**
 * Delivers every event of one plan year twice: reads a topic from the beginning and writes each record of that year
 * back onto it, same partition, key and value, once per event id, as a producer re-send after a lost acknowledgement
 * would. Runs on its own thread until {@link #stop()}.
 */
final class EventCopier implements AutoCloseable {

    private final String bootstrapServers;
    private final String topic;
    private final int year;
    private final List<TopicPartition> partitions;
    private final KafkaConsumer<String, String> consumer;
    private final KafkaProducer<String, String> producer;
    private final Set<String> copiedEventIds = new HashSet<>();
    private final AtomicLong copied = new AtomicLong();
    private volatile boolean running = true;
    private volatile Map<TopicPartition, Long> positions = Map.of();
    private final Thread thread;
    private volatile RuntimeException failure;

    EventCopier(String bootstrapServers, String topic, int year) {
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
        this.year = year;
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class));
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class));
        this.partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        this.thread = new Thread(this::run, "event-copier");
        thread.setDaemon(true);
        thread.start();
    }

    long copied() {
        return copied.get();
    }

    /** Waits until the copier has read every record that was on the topic when this was called. */
    void awaitCaughtUp(Duration timeout) throws Exception {
        Map<TopicPartition, Long> end;
        try (KafkaConsumer<String, String> probe = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            end = probe.endOffsets(partitions);
        }
        eventually(timeout, () -> {
            if (failure != null) {
                throw failure;
            }
            Map<TopicPartition, Long> now = positions;
            assertThat(end.entrySet())
                    .as("the copier caught up with %s within %s; it is at %s", end, timeout, now)
                    .allMatch(e -> now.getOrDefault(e.getKey(), 0L) >= e.getValue());
        });
    }

    /** Stops copying; the copies sent so far are acknowledged by the broker. */
    void stop() throws InterruptedException {
        running = false;
        thread.join(30_000);
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    private void run() {
        try {
            while (running) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    String eventId = eventIdOfYear(record.value());
                    if (eventId != null && copiedEventIds.add(eventId)) {
                        producer.send(new ProducerRecord<>(topic, record.partition(), record.key(), record.value()))
                                .get();
                        copied.incrementAndGet();
                    }
                }
                positions = partitions.stream().collect(Collectors.toMap(tp -> tp, consumer::position));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            failure = new IllegalStateException("copying " + topic + " failed", e);
        } finally {
            producer.close(Duration.ofSeconds(10));
            consumer.close(Duration.ofSeconds(10));
        }
    }

    /** The event id if the record is an event of this year's activities, else null (other years, unreadable). */
    private String eventIdOfYear(String value) {
        try {
            JsonNode envelope = Gateway.JSON.readTree(value);
            if (envelope.path("payload").path("year").asInt() != year) {
                return null;
            }
            String id = envelope.path("eventId").asString();
            return id == null || id.isEmpty() ? null : id;
        } catch (RuntimeException unreadable) {
            return null;
        }
    }
}
