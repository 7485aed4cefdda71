package cn.fulian.starter.boundaries.webreversed.plan;

import cn.fulian.starter.boundaries.webreversed.plan.web.PlanView;

/** A feature that renders itself with its own web layer's record: the reverse of the allowed direction. */
public record Plan(String title) {

    public PlanView view() {
        return new PlanView(title);
    }
}
