package cn.fulian.planning.plan;

import java.time.LocalDate;

/** A key task (重点任务) of a plan with its indicator and target. */
public record Task(
        String id,
        String workArea,
        String title,
        String description,
        String leadDepartment,
        LocalDate dueDate,
        Indicator indicator,
        boolean cancelled,
        String cancelReason) {

    Task withIndicator(Indicator newIndicator) {
        return new Task(
                id, workArea, title, description, leadDepartment, dueDate, newIndicator, cancelled, cancelReason);
    }

    Task cancel(String reason) {
        return new Task(id, workArea, title, description, leadDepartment, dueDate, indicator, true, reason);
    }
}
