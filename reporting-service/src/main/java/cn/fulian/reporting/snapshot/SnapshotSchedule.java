package cn.fulian.reporting.snapshot;

import cn.fulian.reporting.config.ReportingProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Looks for passed deadlines every {@code fulian.reporting.snapshot-check} (zero: never; tests take snapshots
 * themselves): this year's and last year's, whose fourth-quarter or annual reports fall due in January.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SnapshotSchedule implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(SnapshotSchedule.class);

    private final SnapshotService snapshots;
    private final ReportingProperties properties;
    private final Clock clock;

    SnapshotSchedule(SnapshotService snapshots, ReportingProperties properties, Clock clock) {
        this.snapshots = snapshots;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        Duration every = properties.snapshotCheck();
        if (every.isZero() || every.isNegative()) {
            log.info("deadline snapshots are not checked for (fulian.reporting.snapshot-check is {})", every);
            return;
        }
        registrar.addFixedDelayTask(new FixedDelayTask(this::check, every, every));
    }

    void check() {
        int year = LocalDate.now(clock).getYear();
        for (int y : new int[] {year - 1, year}) {
            try {
                snapshots.takeDue(y);
            } catch (RuntimeException e) {
                // the next check tries again; the half-taken snapshot is never served
                log.warn("taking the {} deadline snapshots failed: {}", y, e.toString());
            }
        }
    }
}
