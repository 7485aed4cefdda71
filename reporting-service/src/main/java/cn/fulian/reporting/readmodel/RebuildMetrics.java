package cn.fulian.reporting.readmodel;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/**
 * A rebuild's progress: {@code fulian.rebuild.running} (1 while one runs) and {@code fulian.rebuild.records} (records
 * read from the topics so far, or by the last rebuild in all).
 */
@Component
class RebuildMetrics implements MeterBinder {

    private final RebuildService rebuild;

    RebuildMetrics(RebuildService rebuild) {
        this.rebuild = rebuild;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("fulian.rebuild.running", rebuild, r -> r.isRunning() ? 1 : 0)
                .description("1 while the read model is being rebuilt from the topics")
                .register(registry);
        Gauge.builder("fulian.rebuild.records", rebuild, RebuildService::recordsReplayed)
                .description("Records the running rebuild has read so far, or the last rebuild read in all")
                .register(registry);
    }
}
