package cn.fulian.planning.plan;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Finishes publications interrupted between the plan's write and its root assignments'. */
@Component
class PlanRepair {

    private final PlanService plans;

    PlanRepair(PlanService plans) {
        this.plans = plans;
    }

    @Scheduled(initialDelay = 2_000, fixedDelay = 10_000)
    void repair() {
        plans.repairPending();
    }
}
