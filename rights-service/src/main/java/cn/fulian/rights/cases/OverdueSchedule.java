package cn.fulian.rights.cases;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Runs the overdue detector regularly; tests switch it off and call the detector with their own clock. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "fulian.rights.overdue-check.enabled", matchIfMissing = true)
class OverdueSchedule {

    private final OverdueDetector detector;

    OverdueSchedule(OverdueDetector detector) {
        this.detector = detector;
    }

    @Scheduled(
            initialDelayString = "${fulian.rights.overdue-check.initial-delay:PT30S}",
            fixedDelayString = "${fulian.rights.overdue-check.interval:PT10M}")
    void run() {
        detector.detectOverdue();
    }
}
