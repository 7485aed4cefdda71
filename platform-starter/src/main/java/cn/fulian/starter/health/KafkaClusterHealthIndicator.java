package cn.fulian.starter.health;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Kafka is up when the cluster can be described within a short timeout; the answer is kept for {@code maxAge}, so
 * probes and scrapes never queue on a broker that does not answer. The details also name the consumer partitions
 * whose lag (the Kafka client's {@code records-lag}, from the meter registry) exceeds {@code maxConsumerLag}: a
 * consumer behind stays ready, since taking it out of service would not help it catch up and could take every
 * instance out at once, but the lag is visible here and in the metrics it is read from.
 */
public class KafkaClusterHealthIndicator implements HealthIndicator {

    /** The Kafka client's per-partition lag, as Boot's Kafka metrics name it. */
    public static final String RECORDS_LAG = "kafka.consumer.fetch.manager.records.lag";

    private final Supplier<Admin> admin;
    private final Supplier<MeterRegistry> registry;
    private final long maxConsumerLag;
    private final Duration timeout;
    private final Duration maxAge;
    private final Clock clock;
    private Admin client;
    private Health last;
    private Instant checkedAt = Instant.MIN;

    public KafkaClusterHealthIndicator(
            Supplier<Admin> admin,
            Supplier<MeterRegistry> registry,
            long maxConsumerLag,
            Duration timeout,
            Duration maxAge,
            Clock clock) {
        this.admin = admin;
        this.registry = registry;
        this.maxConsumerLag = maxConsumerLag;
        this.timeout = timeout;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    @Override
    public synchronized Health health() {
        Instant now = clock.instant();
        if (last == null || checkedAt.plus(maxAge).isBefore(now)) {
            last = check();
            checkedAt = clock.instant();
        }
        return last;
    }

    private Health check() {
        Health.Builder health;
        try {
            if (client == null) {
                client = admin.get();
            }
            DescribeClusterResult cluster =
                    client.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()));
            long millis = timeout.toMillis();
            health = Health.up()
                    .withDetail("clusterId", cluster.clusterId().get(millis, TimeUnit.MILLISECONDS))
                    .withDetail(
                            "brokers",
                            cluster.nodes().get(millis, TimeUnit.MILLISECONDS).size());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            health = Health.down(e);
        } catch (Exception e) {
            health = Health.down().withDetail("error", e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        Map<String, Long> behind = partitionsBehind();
        health.withDetail("maxConsumerLag", maxConsumerLag);
        health.withDetail("consumersBehind", behind);
        return health.build();
    }

    /** "topic-partition (client)" → lag, for the partitions whose lag exceeds the limit. */
    private Map<String, Long> partitionsBehind() {
        Map<String, Long> behind = new TreeMap<>();
        MeterRegistry meters = registry.get();
        if (meters == null) {
            return behind;
        }
        for (Gauge gauge : meters.find(RECORDS_LAG).gauges()) {
            double lag = gauge.value();
            if (!Double.isNaN(lag) && lag > maxConsumerLag) {
                behind.put(
                        gauge.getId().getTag("topic") + "-" + gauge.getId().getTag("partition") + " ("
                                + gauge.getId().getTag("client.id") + ")",
                        (long) lag);
            }
        }
        return behind;
    }

    /** Closes the admin client. */
    public synchronized void close() {
        if (client != null) {
            client.close(Duration.ofSeconds(1));
        }
    }
}
