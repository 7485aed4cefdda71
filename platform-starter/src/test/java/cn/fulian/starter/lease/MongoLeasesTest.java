package cn.fulian.starter.lease;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fulian.store.MongoWireServer;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;

/** Leases on a real Mongo-wire server: several instances, one holder at a time, expiry frees a dead holder's claim. */
class MongoLeasesTest {

    private static final Duration TTL = Duration.ofSeconds(30);

    private MongoWireServer server;
    private MongoClient client;
    private MongoTemplate mongo;
    private MovableClock clock;

    @BeforeEach
    void start() {
        server = MongoWireServer.inMemory();
        client = MongoClients.create("mongodb://127.0.0.1:" + server.port());
        mongo = new MongoTemplate(client, "leases");
        clock = new MovableClock(Instant.parse("2026-06-30T16:00:00Z"));
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private MongoLeases instance() {
        return new MongoLeases(mongo, "leases", clock);
    }

    @Test
    void whileOneInstanceHoldsTheLeaseAnotherCannotClaimIt() {
        Optional<Lease> a = instance().claim("rebuild", "a", TTL);
        Optional<Lease> b = instance().claim("rebuild", "b", TTL);

        assertThat(a).isPresent();
        assertThat(b).isEmpty();
        assertThat(instance().isHeld("rebuild")).isTrue();
        assertThat(instance().state("rebuild").orElseThrow().holder()).isEqualTo("a");
    }

    @Test
    void aReleasedLeaseCanBeClaimedAtOnce() {
        MongoLeases leases = instance();
        Lease a = leases.claim("rebuild", "a", TTL).orElseThrow();

        assertThat(leases.release(a)).isTrue();

        assertThat(instance().isHeld("rebuild")).isFalse();
        assertThat(instance().claim("rebuild", "b", TTL)).isPresent();
    }

    @Test
    void aHolderThatStopsRenewingLosesTheLeaseAndCanNoLongerWriteWithIt() {
        Lease a = instance().claim("snapshot", "a", TTL).orElseThrow();

        clock.advance(TTL.plusSeconds(1));
        Lease b = instance().claim("snapshot", "b", TTL).orElseThrow();

        assertThat(instance().renew(a, TTL)).isEmpty();
        assertThat(instance().update(a, new Update().set("status", "COMPLETE"))).isFalse();
        assertThat(instance().release(a)).isFalse();
        assertThat(instance().state("snapshot").orElseThrow().holder()).isEqualTo("b");
        assertThat(instance().renew(b, TTL)).isPresent();
    }

    @Test
    void renewingKeepsTheLeasePastItsFirstExpiry() {
        Lease a = instance().claim("rebuild", "a", TTL).orElseThrow();
        clock.advance(Duration.ofSeconds(20));
        assertThat(instance().renew(a, TTL)).isPresent();
        clock.advance(Duration.ofSeconds(20));

        assertThat(instance().claim("rebuild", "b", TTL)).isEmpty();
        assertThat(instance().isHeld("rebuild")).isTrue();
    }

    @Test
    void aFurtherConditionKeepsTheLeaseFromBeingClaimedAgain() {
        MongoLeases leases = instance();
        Lease a = leases.claim("2026-Q1", "a", TTL, Criteria.where("status").ne("COMPLETE"), new Update())
                .orElseThrow();
        leases.update(a, new Update().set("status", "COMPLETE").unset(MongoLeases.UNTIL));

        assertThat(instance()
                        .claim("2026-Q1", "b", TTL, Criteria.where("status").ne("COMPLETE"), new Update()))
                .isEmpty();
    }

    @Test
    void ofManyInstancesClaimingAtOnceExactlyOneGetsIt() throws Exception {
        int instances = 8;
        ExecutorService pool = Executors.newFixedThreadPool(instances);
        try {
            for (int round = 0; round < 5; round++) {
                String name = "run-" + round;
                List<Callable<Optional<Lease>>> claims = new ArrayList<>();
                for (int i = 0; i < instances; i++) {
                    String holder = "instance-" + i;
                    claims.add(() -> instance().claim(name, holder, TTL));
                }
                long winners = 0;
                for (Future<Optional<Lease>> f : pool.invokeAll(claims)) {
                    winners += f.get().isPresent() ? 1 : 0;
                }
                assertThat(winners).as("claims won in round %d", round).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** A clock the test moves. */
    private static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
