package cn.fulian.reporting.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.fulian.reporting.support.ReportingTest;
import cn.fulian.starter.lease.Lease;
import cn.fulian.starter.lease.MongoLeases;
import cn.fulian.starter.test.Eventually;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.function.BooleanSupplier;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Two reporting instances and one rebuild: this instance plays one of them, the test plays the other through the
 * lease and heartbeat documents the instances share.
 */
@ReportingTest
class RebuildCoordinationTest {

    @Autowired
    MongoTemplate mongo;

    @Autowired
    RebuildService rebuilds;

    @Autowired
    RebuildCoordination coordination;

    @Test
    void whileAnotherInstanceRebuildsThisOnePausesItsListenerRefusesASecondRebuildAndResumesAfter() throws Exception {
        MongoLeases otherInstance = new MongoLeases(mongo, RebuildCoordination.LEASES, Clock.systemUTC());
        Lease lease = otherInstance
                .claim(RebuildCoordination.LEASE, "other-instance", Duration.ofSeconds(30))
                .orElseThrow();
        try {
            eventually(() -> !rebuilds.liveListener().isRunning(), "the live listener pauses");
            eventually(
                    () -> mongo.exists(
                            Query.query(Criteria.where("pausedFor").is(lease.attempt())),
                            RebuildCoordination.INSTANCES),
                    "this instance says it paused for the other's rebuild");
            assertThat(rebuilds.isRunning()).isTrue();
            assertThatThrownBy(rebuilds::rebuild)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("another instance");
        } finally {
            otherInstance.release(lease);
        }
        eventually(() -> rebuilds.liveListener().isRunning(), "the live listener resumes after the rebuild");
        assertThat(rebuilds.isRunning()).isFalse();
    }

    @Test
    void aRebuildWaitsUntilEveryLiveInstanceHasPausedAndIgnoresInstancesLongGone() throws Exception {
        Lease lease = coordination.claim().orElseThrow();
        Instant now = Instant.now();
        try {
            mongo.save(
                    new Document("_id", "gone-instance").append("seenAt", Date.from(now.minusSeconds(60))),
                    RebuildCoordination.INSTANCES);
            mongo.save(
                    new Document("_id", "slow-instance").append("seenAt", Date.from(now.plusSeconds(60))),
                    RebuildCoordination.INSTANCES);

            assertThat(coordination.awaitOthersPaused(lease, Duration.ofMillis(700)))
                    .as("an instance alive and not paused holds the rebuild back")
                    .isFalse();

            mongo.save(
                    new Document("_id", "slow-instance")
                            .append("seenAt", Date.from(now.plusSeconds(60)))
                            .append("pausedFor", lease.attempt()),
                    RebuildCoordination.INSTANCES);
            assertThat(coordination.awaitOthersPaused(lease, Duration.ofMillis(700)))
                    .as("once it has paused (the one not seen for a minute does not count)")
                    .isTrue();
        } finally {
            mongo.remove(
                    Query.query(Criteria.where("_id").in("gone-instance", "slow-instance")),
                    RebuildCoordination.INSTANCES);
            coordination.release(lease);
        }
    }

    private static void eventually(BooleanSupplier condition, String what) {
        Eventually.within(Duration.ofSeconds(15), what, condition);
    }
}
