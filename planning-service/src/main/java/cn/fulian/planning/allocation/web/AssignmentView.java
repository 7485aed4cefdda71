package cn.fulian.planning.allocation.web;

import cn.fulian.planning.allocation.Allocation;
import cn.fulian.planning.allocation.Assignment;
import cn.fulian.planning.allocation.ExtensionRequest;
import cn.fulian.planning.plan.Indicator;
import cn.fulian.starter.version.Versioned;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One unit's assignment: what the parent gave (parent target), its own target, what it has passed down so far (null for
 * a rate, which is passed down whole), what it keeps itself (本级保留), the shortfall still to allocate, its status and
 * the split among its children.
 */
public record AssignmentView(
        String id,
        String planId,
        String taskId,
        int year,
        String taskTitle,
        String workArea,
        Indicator indicator,
        String unitPath,
        String unitName,
        String parentAssignmentId,
        BigDecimal parentTarget,
        BigDecimal target,
        BigDecimal allocatedToChildren,
        BigDecimal retained,
        BigDecimal shortfall,
        LocalDate dueDate,
        String status,
        String statusLabel,
        Instant acknowledgedAt,
        List<Allocation> allocations,
        ExtensionRequest extension,
        int reminders,
        String cancelReason,
        Long version)
        implements Versioned {

    static AssignmentView of(Assignment a, String unitName) {
        String label = switch (a.status()) {
            case ASSIGNED -> "待签收";
            case ACKNOWLEDGED -> "已签收";
            case CANCELLED -> "已取消";
        };
        return new AssignmentView(
                a.id(),
                a.planId(),
                a.taskId(),
                a.year(),
                a.taskTitle(),
                a.workArea(),
                a.indicator(),
                a.unitPath().value(),
                unitName,
                a.parentAssignmentId(),
                a.parentTarget(),
                a.target(),
                a.allocatedSum(),
                a.retained(),
                a.shortfall(),
                a.dueDate(),
                a.status().name(),
                label,
                a.acknowledgedAt(),
                a.allocations(),
                a.extension(),
                a.reminders(),
                a.cancelReason(),
                a.version());
    }
}
