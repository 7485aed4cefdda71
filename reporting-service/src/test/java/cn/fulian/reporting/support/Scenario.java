package cn.fulian.reporting.support;

import cn.fulian.events.activity.ActivityAmended;
import cn.fulian.events.activity.ActivityRecorded;
import cn.fulian.events.activity.ActivityVoided;
import cn.fulian.events.activity.AssignmentContribution;
import cn.fulian.events.planning.AssignmentAcknowledged;
import cn.fulian.events.planning.DeadlineExtended;
import cn.fulian.events.planning.Indicator;
import cn.fulian.events.planning.IndicatorSource;
import cn.fulian.events.planning.PlanPublished;
import cn.fulian.events.planning.TargetAllocated;
import cn.fulian.events.planning.TargetRetained;
import cn.fulian.events.planning.TaskCancelled;
import cn.fulian.events.planning.TaskPublished;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Publishes planning and activity events the way planning-service and activity-service would. */
public final class Scenario {

    private final EventBus bus;
    private final int year;
    private final Instant at;

    public Scenario(EventBus bus, int year) {
        this(bus, year, Instant.parse(year + "-02-01T01:00:00Z"));
    }

    /** Events that happen at the given moment (a plan published later in the year than the city's). */
    public Scenario(EventBus bus, int year, Instant at) {
        this.bus = bus;
        this.year = year;
        this.at = at;
    }

    public static String assignmentId(String taskId, String unitPath) {
        return "asg-" + taskId + "-" + Units.code(unitPath);
    }

    public void plan(String planId, String title, int tasks) {
        planOf(Units.CITY, planId, title, tasks);
    }

    /** A plan of the given unit (a district's, township's or community's own, 本级自定), published from that unit. */
    public void planOf(String planUnit, String planId, String title, int tasks) {
        bus.publish(new PlanPublished(planId, year, title, tasks), planUnit, planId, at);
    }

    public void task(
            String planId,
            String taskId,
            String workArea,
            String title,
            String indicatorName,
            String unit,
            String kind,
            String target,
            LocalDate due) {
        task(planId, taskId, workArea, title, indicatorName, unit, kind, "AT_LEAST", target, due, null);
    }

    /** A task whose indicator has a direction and names where its actual comes from. */
    public void task(
            String planId,
            String taskId,
            String workArea,
            String title,
            String indicatorName,
            String unit,
            String kind,
            String direction,
            String target,
            LocalDate due,
            IndicatorSource source) {
        taskOf(Units.CITY, planId, taskId, workArea, title, indicatorName, unit, kind, direction, target, due, source);
    }

    /** A task of the given unit's own plan, published from that unit as planning-service publishes it. */
    public void taskOf(
            String planUnit,
            String planId,
            String taskId,
            String workArea,
            String title,
            String indicatorName,
            String unit,
            String kind,
            String target,
            LocalDate due) {
        taskOf(planUnit, planId, taskId, workArea, title, indicatorName, unit, kind, "AT_LEAST", target, due, null);
    }

    private void taskOf(
            String planUnit,
            String planId,
            String taskId,
            String workArea,
            String title,
            String indicatorName,
            String unit,
            String kind,
            String direction,
            String target,
            LocalDate due,
            IndicatorSource source) {
        bus.publish(
                new TaskPublished(
                        planId,
                        taskId,
                        year,
                        workArea,
                        title,
                        new Indicator(indicatorName, unit, kind, direction, new BigDecimal(target), null, null, source),
                        due),
                planUnit,
                taskId,
                at);
    }

    /** Allocates the task to the unit; the parent is the unit's parent (null for the city's own assignment). */
    public String allocate(String taskId, String unitPath, String target, LocalDate due) {
        String parent = unitPath.contains("/") ? unitPath.substring(0, unitPath.lastIndexOf('/')) : null;
        String id = assignmentId(taskId, unitPath);
        bus.publish(
                new TargetAllocated(
                        id,
                        taskId,
                        year,
                        parent == null ? null : assignmentId(taskId, parent),
                        unitPath,
                        new BigDecimal(target),
                        due),
                unitPath,
                id,
                at);
        return id;
    }

    /** The plan's own unit holds the task from publication: its assignment has no parent, whatever its depth. */
    public String hold(String taskId, String planUnit, String target, LocalDate due) {
        String id = assignmentId(taskId, planUnit);
        bus.publish(
                new TargetAllocated(id, taskId, year, null, planUnit, new BigDecimal(target), due), planUnit, id, at);
        return id;
    }

    public void acknowledge(String taskId, String unitPath, Instant when) {
        String id = assignmentId(taskId, unitPath);
        bus.publish(new AssignmentAcknowledged(id, taskId, unitPath, when), unitPath, id, when);
    }

    public void extend(String taskId, String unitPath, LocalDate from, LocalDate to) {
        String id = assignmentId(taskId, unitPath);
        bus.publish(new DeadlineExtended(id, taskId, unitPath, from, to, "延期"), unitPath, id, at);
    }

    public void cancelTask(String taskId) {
        bus.publish(new TaskCancelled(taskId, null, Units.CITY, "调整"), Units.CITY, taskId, at);
    }

    /** The unit keeps part of its target for itself (本级保留). */
    public void retain(String taskId, String unitPath, String retained) {
        String id = assignmentId(taskId, unitPath);
        bus.publish(new TargetRetained(id, taskId, year, unitPath, new BigDecimal(retained)), unitPath, id, at);
    }

    /** A contribution of an activity: toward the assignment of {@code taskId} at {@code assignedUnit}. */
    public static AssignmentContribution toward(String taskId, String assignedUnit, String amount) {
        return AssignmentContribution.of(assignmentId(taskId, assignedUnit), "count", new BigDecimal(amount));
    }

    public static AssignmentContribution rateToward(String taskId, String assignedUnit, String num, String den) {
        return new AssignmentContribution(
                assignmentId(taskId, assignedUnit), "women", new BigDecimal(num), "participants", new BigDecimal(den));
    }

    public void recorded(String activityId, String unitPath, AssignmentContribution... contributions) {
        bus.publish(
                new ActivityRecorded(
                        activityId,
                        unitPath,
                        "TRAINING",
                        year,
                        LocalDate.of(year, 3, 1),
                        LocalDate.of(year, 3, 1),
                        Map.of("count", BigDecimal.ONE),
                        List.of(contributions).stream()
                                .map(AssignmentContribution::assignmentId)
                                .toList(),
                        List.of(contributions)),
                unitPath,
                activityId,
                at);
    }

    public void amended(String activityId, String unitPath, AssignmentContribution... changes) {
        bus.publish(
                new ActivityAmended(
                        activityId,
                        unitPath,
                        year,
                        Map.of(),
                        List.of(changes).stream()
                                .map(AssignmentContribution::assignmentId)
                                .toList(),
                        "更正",
                        List.of(changes)),
                unitPath,
                activityId,
                at);
    }

    public void voided(String activityId, String unitPath, AssignmentContribution... changes) {
        bus.publish(
                new ActivityVoided(
                        activityId,
                        unitPath,
                        year,
                        Map.of(),
                        List.of(changes).stream()
                                .map(AssignmentContribution::assignmentId)
                                .toList(),
                        "重复录入",
                        List.of(changes)),
                unitPath,
                activityId,
                at);
    }
}
