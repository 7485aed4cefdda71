package cn.fulian.planning.plan.web;

import cn.fulian.planning.plan.AnnualPlan;
import cn.fulian.planning.plan.TargetRevision;
import cn.fulian.planning.plan.Task;
import cn.fulian.starter.version.Versioned;
import java.time.Instant;
import java.util.List;

/** A plan as shown to users, with the name of its unit (the city's plan, or a district's or township's own). */
public record PlanView(
        String id,
        String unitPath,
        int year,
        String title,
        String overallRequirements,
        List<String> workAreas,
        List<Task> tasks,
        String status,
        String statusLabel,
        List<TargetRevision> revisions,
        String createdBy,
        Instant publishedAt,
        Long version,
        String unitName)
        implements Versioned {

    static PlanView of(AnnualPlan p, String unitName) {
        String label = switch (p.status()) {
            case DRAFT -> "草稿";
            case PUBLISHED -> "已发布";
            case CLOSED -> "已关闭";
        };
        return new PlanView(
                p.id(),
                p.unitPath().value(),
                p.year(),
                p.title(),
                p.overallRequirements(),
                p.workAreas(),
                p.tasks(),
                p.status().name(),
                label,
                p.revisions(),
                p.createdBy(),
                p.publishedAt(),
                p.version(),
                unitName);
    }

    /** A plan in a list, without its tasks. */
    public record Summary(
            String id, String unitPath, int year, String title, String status, int taskCount, String unitName) {
        static Summary of(AnnualPlan p, String unitName) {
            return new Summary(
                    p.id(),
                    p.unitPath().value(),
                    p.year(),
                    p.title(),
                    p.status().name(),
                    p.tasks().size(),
                    unitName);
        }
    }
}
