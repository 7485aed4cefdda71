package cn.fulian.reporting.stream;

import cn.fulian.reporting.readmodel.FiguresChanged;
import cn.fulian.starter.lease.InstanceId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tells the browsers connected to other instances of the reporting service what this instance applied. Each change
 * is announced on {@value #TOPIC} (one partition, kept a few minutes: a notice is a hint, the figures come from the
 * read model); every instance reads that topic from its end with a consumer of its own (partitions assigned, no
 * group, nothing committed), and hands what other instances announced to its {@link DashboardStreams}. Notices
 * this instance sent itself are skipped: its browsers heard them at once.
 */
@Component
class NoticeFanOut implements SmartLifecycle {

    static final String TOPIC = "reporting.notices.v1";

    /** Announcement of one change, as it travels between instances. */
    record Announcement(String origin, Map<Integer, Set<String>> unitsByYear, String eventType) {}

    private static final Logger log = LoggerFactory.getLogger(NoticeFanOut.class);

    private final KafkaTemplate<String, String> kafka;
    private final ConsumerFactory<String, String> consumers;
    private final DashboardStreams streams;
    private final JsonMapper json;
    private final String instance = InstanceId.current();
    private volatile Consumer<String, String> consumer;
    private volatile Thread reader;
    private volatile boolean running;

    NoticeFanOut(
            KafkaTemplate<String, String> kafka,
            ConsumerFactory<String, String> consumers,
            DashboardStreams streams,
            JsonMapper json) {
        this.kafka = kafka;
        this.consumers = consumers;
        this.streams = streams;
        this.json = json;
    }

    @EventListener
    void on(FiguresChanged change) {
        try {
            String body = json.writeValueAsString(new Announcement(instance, change.unitsByYear(), change.eventType()));
            kafka.send(TOPIC, body).whenComplete((sent, failed) -> {
                if (failed != null) {
                    log.debug("dashboard notice not announced to other instances: {}", failed.toString());
                }
            });
        } catch (RuntimeException e) {
            log.debug("dashboard notice not announced to other instances: {}", e.toString());
        }
    }

    private void read() {
        Properties overrides = new Properties();
        overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        overrides.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        try (Consumer<String, String> c = consumers.createConsumer(null, "reporting-notices", null, overrides)) {
            consumer = c;
            List<TopicPartition> partitions = partitions(c);
            if (partitions == null) {
                return;
            }
            c.assign(partitions);
            c.seekToEnd(partitions);
            partitions.forEach(c::position); // fixes "the end" now, before anything else is announced
            while (running) {
                for (ConsumerRecord<String, String> record : c.poll(Duration.ofSeconds(1))) {
                    deliver(record.value());
                }
            }
        } catch (WakeupException stopping) {
            // stop() woke the poll
        } catch (RuntimeException e) {
            if (running) {
                log.warn("dashboard notices of other instances are no longer read: {}", e.toString());
            }
        }
    }

    /** The topic's partitions once it exists (the first announcement or the admin creates it). */
    private List<TopicPartition> partitions(Consumer<String, String> c) {
        while (running) {
            List<PartitionInfo> infos = c.partitionsFor(TOPIC, Duration.ofSeconds(5));
            if (infos != null && !infos.isEmpty()) {
                List<TopicPartition> partitions = new ArrayList<>();
                infos.forEach(i -> partitions.add(new TopicPartition(i.topic(), i.partition())));
                return partitions;
            }
        }
        return null;
    }

    private void deliver(String body) {
        try {
            Announcement a = json.readValue(body, Announcement.class);
            if (a.origin() == null || a.origin().equals(instance) || a.unitsByYear() == null) {
                return;
            }
            Map<Integer, Set<String>> units = new LinkedHashMap<>();
            a.unitsByYear().forEach((year, paths) -> units.put(year, new LinkedHashSet<>(paths)));
            streams.on(new FiguresChanged(units, a.eventType()));
        } catch (RuntimeException unreadable) {
            log.debug("dashboard notice of another instance skipped: {}", unreadable.toString());
        }
    }

    @Override
    public void start() {
        running = true;
        reader = new Thread(this::read, "dashboard-notices");
        reader.setDaemon(true);
        reader.start();
    }

    @Override
    public void stop() {
        running = false;
        Consumer<String, String> c = consumer;
        if (c != null) {
            c.wakeup();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Configuration(proxyBeanMethods = false)
    static class Topic {

        /** Short-lived: a notice older than a few minutes is of no use to any browser. */
        @Bean
        NewTopic reportingNoticesTopic() {
            return TopicBuilder.name(TOPIC)
                    .partitions(1)
                    .config(
                            TopicConfig.RETENTION_MS_CONFIG,
                            Long.toString(Duration.ofMinutes(10).toMillis()))
                    .build();
        }
    }
}
