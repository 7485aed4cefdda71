package cn.fulian.planning.orgunit;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * A move is one write on the moved unit; the units below it follow right after, and a change's history entry is copied
 * right after the change. If the process stopped in between, this finishes the job shortly after start-up.
 */
@Component
class OrgUnitRepair {

    private final OrgUnitService units;

    OrgUnitRepair(OrgUnitService units) {
        this.units = units;
    }

    @Scheduled(initialDelay = 2_000, fixedDelay = 10_000)
    void repair() {
        units.repairPending();
    }
}
