package cn.fulian.reporting.readmodel;

import cn.fulian.starter.lease.InstanceId;
import cn.fulian.starter.lease.Lease;
import cn.fulian.starter.lease.LeaseState;
import cn.fulian.starter.lease.MongoLeases;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * Keeps the instances of the reporting service out of each other's way during a rebuild. The instance that rebuilds
 * holds the lease {@value #LEASE} in {@value #LEASES}; every instance checks it every {@link #WATCH_EVERY}, stops its
 * live listener while another instance holds it, says so in its heartbeat document in {@value #INSTANCES}
 * ({@code pausedFor} = the rebuild's attempt) and starts its listener again once the lease is released or has
 * expired (the rebuilding instance died). The rebuilding instance drops the read model only after every instance seen
 * alive in the last {@link #ALIVE_WITHIN} has said it paused, so no listener writes into the collections being
 * rebuilt.
 *
 * <p>A stopped instance's heartbeat ages out after {@link #ALIVE_WITHIN}; nothing deletes it at shutdown, when the
 * database may already be gone. The watcher starts before the Kafka listeners (its lifecycle phase is lower), so an instance started during a
 * rebuild pauses before its listener takes a record.
 */
@Component
public class RebuildCoordination implements SmartLifecycle {

    /** Leases of the reporting service (the read-model rebuild). */
    public static final String LEASES = "reporting_leases";
    /** One heartbeat document per running instance. */
    public static final String INSTANCES = "reporting_instances";

    static final String LEASE = "read-model-rebuild";
    /** How long a rebuild's lease holds without renewal; renewed as the replay goes. */
    static final Duration LEASE_TTL = Duration.ofSeconds(30);

    static final Duration WATCH_EVERY = Duration.ofMillis(500);
    static final Duration ALIVE_WITHIN = Duration.ofSeconds(5);

    private static final Logger log = LoggerFactory.getLogger(RebuildCoordination.class);

    private final MongoTemplate mongo;
    private final KafkaListenerEndpointRegistry registry;
    private final MongoLeases leases;
    private final Clock clock;
    private final String instance = InstanceId.current();
    /** Made at each start: a context can be stopped and started again. */
    private volatile ScheduledExecutorService watcher;
    /** The rebuild (attempt) this instance paused its listener for, or null. */
    private volatile String pausedFor;

    private volatile boolean running;

    /**
     * Leases and heartbeats count in the machine's time, not in the service's business clock (which names "today" for
     * deadlines and can be set apart from it).
     */
    RebuildCoordination(MongoTemplate mongo, KafkaListenerEndpointRegistry registry) {
        this.mongo = mongo;
        this.registry = registry;
        this.clock = Clock.systemUTC();
        this.leases = new MongoLeases(mongo, LEASES, clock);
    }

    /** Claims the rebuild for this instance; empty when another instance (or this one) is rebuilding. */
    Optional<Lease> claim() {
        return leases.claim(LEASE, instance, LEASE_TTL);
    }

    Optional<Lease> renew(Lease lease) {
        return leases.renew(lease, LEASE_TTL);
    }

    void release(Lease lease) {
        leases.release(lease);
    }

    /** Whether any instance is rebuilding now. */
    public boolean rebuildingAnywhere() {
        return leases.isHeld(LEASE);
    }

    /**
     * Waits until every other instance alive has paused its listener for this rebuild.
     *
     * @return false when one did not within {@code timeout}
     */
    boolean awaitOthersPaused(Lease lease, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Date aliveSince = Date.from(clock.instant().minus(ALIVE_WITHIN));
            List<Document> notPaused = mongo.find(
                    Query.query(Criteria.where("_id")
                            .ne(instance)
                            .and("seenAt")
                            .gte(aliveSince)
                            .and("pausedFor")
                            .ne(lease.attempt())),
                    Document.class,
                    INSTANCES);
            if (notPaused.isEmpty()) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                log.warn(
                        "rebuild: instances {} did not pause their listeners",
                        notPaused.stream().map(d -> d.get("_id")).toList());
                return false;
            }
            Thread.sleep(WATCH_EVERY.toMillis() / 2);
        }
    }

    /** One look at the lease: pause for another instance's rebuild, resume after it; and say that this one lives. */
    void watch() {
        try {
            Instant now = clock.instant();
            Optional<LeaseState> rebuild = leases.state(LEASE);
            boolean othersRebuild = rebuild.isPresent()
                    && rebuild.get().heldAt(now)
                    && !instance.equals(rebuild.get().holder());
            MessageListenerContainer live = registry.getListenerContainer(ReadModelListener.ID);
            if (othersRebuild && live != null) {
                String attempt = rebuild.get().attempt();
                if (!attempt.equals(pausedFor)) {
                    log.info(
                            "instance {} rebuilds the read model: live listener paused",
                            rebuild.get().holder());
                    live.setAutoStartup(false); // an instance starting up keeps it stopped
                    live.stop(); // returns once the poll in hand is applied
                    pausedFor = attempt;
                }
            } else if (pausedFor != null) {
                pausedFor = null;
                if (live != null) {
                    live.setAutoStartup(true);
                    live.start();
                }
                log.info("read model rebuild over: live listener resumed");
            }
            mongo.upsert(
                    Query.query(Criteria.where("_id").is(instance)),
                    new Update().set("seenAt", Date.from(now)).set("pausedFor", pausedFor),
                    INSTANCES);
        } catch (RuntimeException e) {
            log.warn("rebuild watch failed: {}", e.toString());
        }
    }

    @Override
    public void start() {
        watch(); // before the listeners start, so an instance started during a rebuild never writes into it
        watcher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "rebuild-watch");
            t.setDaemon(true);
            return t;
        });
        watcher.scheduleWithFixedDelay(
                this::watch, WATCH_EVERY.toMillis(), WATCH_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        if (watcher != null) {
            watcher.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the Kafka listener containers (which start in phase {@code Integer.MAX_VALUE - 100}). */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 200;
    }
}
