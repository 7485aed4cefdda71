package cn.fulian.rights.cases;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs the backfill of case numbers shortly after start and then now and again: once every case has its number a run
 * is one query that finds nothing. Tests switch it off and call the backfill themselves.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "fulian.rights.case-number-backfill.enabled", matchIfMissing = true)
class CaseNumberSchedule {

    private final CaseNumberBackfill backfill;

    CaseNumberSchedule(CaseNumberBackfill backfill) {
        this.backfill = backfill;
    }

    @Scheduled(
            initialDelayString = "${fulian.rights.case-number-backfill.initial-delay:PT20S}",
            fixedDelayString = "${fulian.rights.case-number-backfill.interval:PT10M}")
    void run() {
        backfill.numberOldCases();
    }
}
