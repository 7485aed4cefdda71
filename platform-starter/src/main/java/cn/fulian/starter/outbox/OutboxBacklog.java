package cn.fulian.starter.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * {@code fulian.outbox.pending{collection}}: events recorded by aggregates and not yet acknowledged by Kafka. The
 * relay's own count, taken at most once per {@code maxAge} however often Prometheus scrapes and however many
 * collections there are, so scrapes never add a collection scan of their own.
 */
public class OutboxBacklog implements MeterBinder {

    public static final String METRIC = "fulian.outbox.pending";

    private final OutboxRelay relay;
    private final Duration maxAge;
    private final Clock clock;
    private Map<String, Long> counts = Map.of();
    private Instant countedAt = Instant.MIN;

    public OutboxBacklog(OutboxRelay relay, Duration maxAge, Clock clock) {
        this.relay = relay;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String collection : relay.collections()) {
            Gauge.builder(METRIC, this, backlog -> backlog.pending(collection))
                    .tag("collection", collection)
                    .description("Events recorded by aggregates and not yet acknowledged by Kafka")
                    .register(registry);
        }
    }

    /** The pending count of one collection, NaN while the database does not answer. */
    double pending(String collection) {
        Map<String, Long> current = current();
        return current == null ? Double.NaN : current.getOrDefault(collection, 0L);
    }

    private synchronized Map<String, Long> current() {
        Instant now = clock.instant();
        if (countedAt.plus(maxAge).isBefore(now)) {
            try {
                counts = relay.pendingPerCollection();
            } catch (RuntimeException unreachable) {
                counts = null;
            }
            countedAt = now;
        }
        return counts;
    }
}
