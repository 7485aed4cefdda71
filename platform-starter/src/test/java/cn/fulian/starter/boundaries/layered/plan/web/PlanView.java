package cn.fulian.starter.boundaries.layered.plan.web;

import cn.fulian.starter.boundaries.layered.plan.Plan;

/** The web layer uses its feature. */
public record PlanView(String title) {

    public static PlanView of(Plan plan) {
        return new PlanView(plan.title());
    }
}
