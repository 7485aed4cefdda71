package cn.fulian.planning.allocation;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * A split is one write on the parent; the children's documents follow right after. If the process stopped in between,
 * this finishes the job shortly after start-up and then every few seconds.
 */
@Component
class PendingWritesRepair {

    private final AllocationService allocations;

    PendingWritesRepair(AllocationService allocations) {
        this.allocations = allocations;
    }

    @Scheduled(initialDelay = 2_000, fixedDelay = 10_000)
    void repair() {
        allocations.repairPending();
    }
}
