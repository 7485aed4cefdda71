package cn.fulian.reporting.readmodel;

import cn.fulian.events.Topics;
import cn.fulian.events.UnreadableEventException;
import cn.fulian.reporting.config.ReportingProperties;
import cn.fulian.starter.consumer.ExactConsumer;
import cn.fulian.starter.lease.Lease;
import cn.fulian.starter.problem.UnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Service;

/**
 * Rebuilds the read model from zero: stops the live listener, drops every read-model collection and the markers of
 * events applied to it, replays every topic from offset 0 with a fresh consumer up to the end offsets seen at the
 * start (the planning topic first, then the others), and starts the live listener again. The live listener resumes
 * from its own committed offsets; events it then sees again were replayed already and are dropped by their markers
 * and offset guards, so the result equals the live model. The dashboard shows partial figures while a rebuild runs.
 */
@Service
public class RebuildService {

    private static final int MARKERS_AT_ONCE = 20_000;

    /**
     * What a rebuild did. {@code linksBreakingTheCountingRule} counts activity links recorded before the counting rule
     * (to an ancestor's assignment, or a second assignment of the same task): each is counted once per task.
     */
    public record RebuildResult(
            long records,
            long applied,
            long skippedUnreadable,
            long failed,
            Instant startedAt,
            Instant finishedAt,
            long linksBreakingTheCountingRule) {}

    private static final Logger log = LoggerFactory.getLogger(RebuildService.class);

    private final MongoTemplate mongo;
    private final ConsumerFactory<String, String> consumers;
    private final KafkaListenerEndpointRegistry registry;
    private final ReadModelProjection projection;
    private final ReadModelIndexes indexes;
    private final ReportingProperties properties;
    private final Clock clock;
    private final RebuildCoordination coordination;
    private final ReentrantLock running = new ReentrantLock();
    private final AtomicLong replayed = new AtomicLong();

    RebuildService(
            MongoTemplate mongo,
            ConsumerFactory<String, String> consumers,
            KafkaListenerEndpointRegistry registry,
            ReadModelProjection projection,
            ReadModelIndexes indexes,
            ReportingProperties properties,
            RebuildCoordination coordination,
            Clock clock) {
        this.coordination = coordination;
        this.mongo = mongo;
        this.consumers = consumers;
        this.registry = registry;
        this.projection = projection;
        this.indexes = indexes;
        this.properties = properties;
        this.clock = clock;
    }

    /** The live listener container, for stopping and starting it. */
    public MessageListenerContainer liveListener() {
        return registry.getListenerContainer(ReadModelListener.ID);
    }

    /** Whether a rebuild runs, on this instance or another. */
    public boolean isRunning() {
        return running.isLocked() || coordination.rebuildingAnywhere();
    }

    /** Records the running rebuild has read so far, or the last rebuild read in all. */
    public long recordsReplayed() {
        return replayed.get();
    }

    /**
     * Runs a rebuild; a second one asked for while one runs is refused.
     *
     * @throws IllegalStateException if a rebuild is already running
     */
    public RebuildResult rebuild() {
        if (!running.tryLock()) {
            throw new IllegalStateException("a rebuild is already running");
        }
        try {
            Lease lease = coordination
                    .claim()
                    .orElseThrow(() -> new IllegalStateException("a rebuild is already running on another instance"));
            try {
                return rebuild(lease);
            } finally {
                coordination.release(lease);
            }
        } finally {
            running.unlock();
        }
    }

    private RebuildResult rebuild(Lease lease) {
        Instant started = clock.instant();
        replayed.set(0);
        MessageListenerContainer live = liveListener();
        try {
            live.stop();
            try {
                if (!coordination.awaitOthersPaused(lease, properties.rebuildPauseTimeout())) {
                    throw new UnavailableException(
                            "其他实例未能暂停,统计数据未重建,请稍后再试 / another instance did not pause its listener; nothing"
                                    + " was rebuilt, try again shortly");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new UnavailableException("rebuild interrupted before it began");
            }
            dropReadModel();
            RebuildResult result = replay(started, lease);
            log.info("read model rebuilt: {}", result);
            return result;
        } finally {
            live.start();
        }
    }

    private void dropReadModel() {
        for (String collection : ReadModel.ALL) {
            mongo.dropCollection(collection);
        }
        forgetProcessedMarkers();
        indexes.ensure();
    }

    /**
     * Removes the read-model topics' processed-event markers (the org-unit registry's stay), a batch of ids at a time:
     * a year's markers run to millions, and a single remove would have the server hold every one of them at once.
     */
    private void forgetProcessedMarkers() {
        Query markers = Query.query(Criteria.where("topic").in(ReadModelProjection.TOPICS));
        markers.fields().include("_id");
        markers.limit(MARKERS_AT_ONCE);
        for (List<Object> ids = markerIds(markers); !ids.isEmpty(); ids = markerIds(markers)) {
            mongo.remove(Query.query(Criteria.where("_id").in(ids)), ExactConsumer.PROCESSED);
        }
    }

    private List<Object> markerIds(Query markers) {
        return mongo.find(markers, Document.class, ExactConsumer.PROCESSED).stream()
                .map(d -> d.get("_id"))
                .toList();
    }

    private RebuildResult replay(Instant started, Lease lease) {
        Properties overrides = new Properties();
        overrides.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        overrides.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "1000");
        Counts counts = new Counts();
        try (Consumer<String, String> consumer =
                consumers.createConsumer("reporting-rebuild-" + UUID.randomUUID(), null, null, overrides)) {
            List<TopicPartition> planning = new ArrayList<>();
            List<TopicPartition> others = new ArrayList<>();
            for (String topic : ReadModelProjection.TOPICS) {
                List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
                if (infos != null) {
                    infos.forEach(i -> (Topics.PLANNING.equals(topic) ? planning : others)
                            .add(new TopicPartition(i.topic(), i.partition())));
                }
            }
            List<TopicPartition> all = new ArrayList<>(planning);
            all.addAll(others);
            Map<TopicPartition, Long> end = consumer.endOffsets(all);
            long deadline = System.nanoTime() + properties.rebuildTimeout().toNanos();
            // the plans and allocations first: replayed together with the activities, most contributions would find
            // their assignment unknown and wait on it, a conditional write the Mongo-wire server answers by scanning
            LeaseKeeper keeper = new LeaseKeeper(lease);
            replay(consumer, planning, end, deadline, counts, keeper);
            replay(consumer, others, end, deadline, counts, keeper);
        }
        long ruleBreaks = mongo.getCollection(ReadModel.RULE_BREAKS).countDocuments();
        if (ruleBreaks > 0) {
            log.warn(
                    "{} activity links break the counting rule (linked to an ancestor's assignment or twice to one task);"
                            + " each counts once per task: see {}",
                    ruleBreaks,
                    ReadModel.RULE_BREAKS);
        }
        return new RebuildResult(
                counts.records, counts.applied, counts.unreadable, counts.failed, started, clock.instant(), ruleBreaks);
    }

    /**
     * Renews the rebuild's lease as the replay goes; a rebuild that lost it (stalled past its expiry, so the other
     * instances resumed their listeners) stops rather than drop markers under them.
     */
    private final class LeaseKeeper {
        private Lease lease;
        private long renewedAt = System.nanoTime();

        LeaseKeeper(Lease lease) {
            this.lease = lease;
        }

        void renewIfDue() {
            if (System.nanoTime() - renewedAt < RebuildCoordination.LEASE_TTL.toNanos() / 3) {
                return;
            }
            lease = coordination
                    .renew(lease)
                    .orElseThrow(() ->
                            new UnavailableException("the rebuild lost its lease (stalled too long); run it again"));
            renewedAt = System.nanoTime();
        }
    }

    /** What the replay did so far. */
    private static final class Counts {
        long records;
        long applied;
        long unreadable;
        long failed;
    }

    private void replay(
            Consumer<String, String> consumer,
            List<TopicPartition> partitions,
            Map<TopicPartition, Long> end,
            long deadline,
            Counts counts,
            LeaseKeeper keeper) {
        if (partitions.isEmpty()) {
            return;
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        while (!reached(consumer, partitions, end)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("rebuild did not reach the end of the topics in time");
            }
            keeper.renewIfDue();
            List<ConsumerRecord<String, String>> todo = new ArrayList<>();
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                Long stop = end.get(new TopicPartition(record.topic(), record.partition()));
                if (stop != null && record.offset() < stop) {
                    todo.add(record); // a later one arrived after the rebuild began: the live listener takes it
                }
            }
            counts.records += todo.size();
            replayed.addAndGet(todo.size());
            while (!todo.isEmpty()) {
                ExactConsumer.Outcome outcome = projection.consume(todo);
                counts.applied += outcome.applied();
                if (!outcome.failed()) {
                    break;
                }
                ConsumerRecord<String, String> bad = todo.get(outcome.failedIndex());
                if (outcome.failure() instanceof UnreadableEventException) {
                    counts.unreadable++; // the live listener sent it to the dead-letter topic too
                } else {
                    counts.failed++;
                    log.warn(
                            "rebuild could not apply {}@{}: {}",
                            bad.topic(),
                            bad.offset(),
                            outcome.failure().getMessage());
                }
                todo = todo.subList(outcome.failedIndex() + 1, todo.size());
            }
        }
    }

    private static boolean reached(
            Consumer<String, String> consumer, List<TopicPartition> partitions, Map<TopicPartition, Long> end) {
        for (TopicPartition p : partitions) {
            if (consumer.position(p) < end.getOrDefault(p, 0L)) {
                return false;
            }
        }
        return true;
    }
}
