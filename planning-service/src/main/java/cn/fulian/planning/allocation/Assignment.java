package cn.fulian.planning.allocation;

import cn.fulian.events.planning.AssignmentAcknowledged;
import cn.fulian.events.planning.AssignmentReminded;
import cn.fulian.events.planning.DeadlineExtended;
import cn.fulian.events.planning.ExtensionRejected;
import cn.fulian.events.planning.ExtensionRequested;
import cn.fulian.events.planning.TargetAllocated;
import cn.fulian.events.planning.TargetRetained;
import cn.fulian.events.planning.TaskCancelled;
import cn.fulian.planning.plan.AnnualPlan;
import cn.fulian.planning.plan.AssignmentIds;
import cn.fulian.planning.plan.Indicator;
import cn.fulian.planning.plan.IndicatorKind;
import cn.fulian.planning.plan.Task;
import cn.fulian.starter.outbox.AggregateRoot;
import cn.fulian.starter.problem.ConflictException;
import cn.fulian.starter.problem.InvalidFieldException;
import cn.fulian.starter.scope.OrgPath;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One task as one unit's responsibility. The unit acknowledges it and may split it among its direct children; the
 * split is recorded here, on the parent, in one write together with the {@code TargetAllocated} events, and the
 * children's own assignment documents are written from it right after (and repaired from it after a crash).
 */
@Document("assignments")
@CompoundIndex(name = "unit_year", def = "{'unitPath': 1, 'year': 1}")
public class Assignment extends AggregateRoot {

    @Id
    private String id;

    private String planId;

    @Indexed
    private String taskId;

    private int year;
    private String taskTitle;
    private String workArea;
    private Indicator indicator;
    private String unitPath;
    private String parentAssignmentId;
    private BigDecimal parentTarget;
    private BigDecimal target;
    private LocalDate dueDate;
    private AssignmentStatus status;
    private String acknowledgedBy;
    private Instant acknowledgedAt;
    private List<Allocation> allocations = new ArrayList<>();
    private BigDecimal retained;

    @Indexed
    private boolean childrenPending;

    private ExtensionRequest extension;
    private int reminders;
    private Instant lastRemindedAt;
    private String cancelReason;

    Assignment() {}

    /** The plan's own unit holds each published task first; it needs no acknowledgement. */
    static Assignment root(AnnualPlan plan, Task task) {
        Assignment a = new Assignment();
        a.id = AssignmentIds.of(task.id(), plan.unitPath());
        a.planId = plan.id();
        a.taskId = task.id();
        a.year = plan.year();
        a.taskTitle = task.title();
        a.workArea = task.workArea();
        a.indicator = task.indicator();
        a.unitPath = plan.unitPath().value();
        a.target = task.indicator().target();
        a.dueDate = task.dueDate();
        a.status = AssignmentStatus.ACKNOWLEDGED;
        a.acknowledgedAt = plan.publishedAt();
        return a;
    }

    static Assignment child(Assignment parent, Allocation allocation) {
        Assignment a = new Assignment();
        a.id = allocation.assignmentId();
        a.planId = parent.planId;
        a.taskId = parent.taskId;
        a.year = parent.year;
        a.taskTitle = parent.taskTitle;
        a.workArea = parent.workArea;
        a.indicator = parent.indicator;
        a.unitPath = allocation.unitPath();
        a.parentAssignmentId = parent.id;
        a.parentTarget = parent.target;
        a.target = allocation.target();
        a.dueDate = parent.dueDate;
        a.status = allocation.cancelled() ? AssignmentStatus.CANCELLED : AssignmentStatus.ASSIGNED;
        a.cancelReason = allocation.cancelReason();
        return a;
    }

    /**
     * Splits this assignment among direct children (new ones and re-allocations of ones not yet acknowledged). The whole
     * split after the change must satisfy {@link AllocationRules}.
     */
    void allocate(List<Allocation> changes, BigDecimal newRetained, Instant at) {
        requireActive();
        if (status != AssignmentStatus.ACKNOWLEDGED) {
            throw new ConflictException("请先签收本单位的任务,再向下分解 / acknowledge the assignment before allocating it");
        }
        List<Allocation> merged = new ArrayList<>(allocations);
        for (Allocation change : changes) {
            Optional<Allocation> existing = allocationTo(change.unitPath());
            existing.ifPresent(merged::remove);
            merged.add(existing.map(e -> e.retarget(change.target())).orElse(change));
        }
        BigDecimal kept = newRetained != null ? newRetained : retained;
        AllocationRules.check(
                indicator.kind(),
                indicator.direction(),
                indicator.unit(),
                target,
                merged.stream()
                        .filter(x -> !x.cancelled())
                        .map(Allocation::target)
                        .toList(),
                kept);
        allocations = merged;
        childrenPending = true;
        if (newRetained != null && (retained == null || retained.compareTo(newRetained) != 0)) {
            retained = newRetained;
            record(new TargetRetained(id, taskId, year, unitPath, newRetained), unitPath, at);
        }
        for (Allocation change : changes) {
            record(
                    new TargetAllocated(
                            change.assignmentId(), taskId, year, id, change.unitPath(), change.target(), dueDate),
                    change.unitPath(),
                    at,
                    change.assignmentId());
        }
    }

    void cancelAllocation(OrgPath child, String reason, Instant at) {
        Allocation allocation = allocationTo(child.value())
                .filter(a -> !a.cancelled())
                .orElseThrow(() -> new ConflictException("该单位没有有效的分解任务 / nothing allocated to " + child));
        allocations.replaceAll(a -> a == allocation ? a.cancel(reason) : a);
        childrenPending = true;
        record(
                new TaskCancelled(taskId, allocation.assignmentId(), allocation.unitPath(), reason),
                allocation.unitPath(),
                at,
                allocation.assignmentId());
    }

    void acknowledge(String by, Instant at) {
        requireActive();
        if (status == AssignmentStatus.ACKNOWLEDGED) {
            throw new ConflictException("任务已签收 / already acknowledged");
        }
        status = AssignmentStatus.ACKNOWLEDGED;
        acknowledgedBy = by;
        acknowledgedAt = at;
        record(new AssignmentAcknowledged(id, taskId, unitPath, at), unitPath, at);
    }

    void remind(Instant at) {
        requireActive();
        if (status != AssignmentStatus.ASSIGNED) {
            throw new ConflictException("该单位已签收,无需催办 / already acknowledged");
        }
        reminders++;
        lastRemindedAt = at;
        record(new AssignmentReminded(id, taskId, unitPath, at), unitPath, at);
    }

    void requestExtension(LocalDate requested, String reason, String by, Instant at) {
        requireActive();
        if (extension != null && extension.pending()) {
            throw new ConflictException("已有待审批的延期申请 / an extension request is already pending");
        }
        if (!requested.isAfter(dueDate)) {
            throw new InvalidFieldException(
                    "requestedDueDate", "申请的完成时限须晚于当前时限" + dueDate, "must be after the current due date " + dueDate);
        }
        if (requested.getYear() > year + 1) {
            throw new InvalidFieldException("requestedDueDate", "延期不能超过次年", "cannot extend beyond next year");
        }
        extension = new ExtensionRequest(requested, reason, ExtensionRequest.PENDING, null, by, at);
        record(new ExtensionRequested(id, taskId, unitPath, dueDate, requested, reason), unitPath, at);
    }

    void approveExtension(String reason, Instant at) {
        ExtensionRequest pending = pendingExtension();
        LocalDate previous = dueDate;
        dueDate = pending.requestedDueDate();
        extension = pending.decide(ExtensionRequest.APPROVED, reason);
        record(new DeadlineExtended(id, taskId, unitPath, previous, dueDate, pending.reason()), unitPath, at);
    }

    void rejectExtension(String reason, Instant at) {
        ExtensionRequest pending = pendingExtension();
        extension = pending.decide(ExtensionRequest.REJECTED, reason);
        record(new ExtensionRejected(id, taskId, unitPath, pending.requestedDueDate(), reason), unitPath, at);
    }

    /** Brings a child document in line with what its parent allocated (target, cancellation) while not acknowledged. */
    boolean followParent(Allocation allocation, BigDecimal newParentTarget) {
        boolean changed = false;
        if (allocation.cancelled() && status != AssignmentStatus.CANCELLED) {
            status = AssignmentStatus.CANCELLED;
            cancelReason = allocation.cancelReason();
            changed = true;
        } else if (!allocation.cancelled()
                && status == AssignmentStatus.ASSIGNED
                && target.compareTo(allocation.target()) != 0) {
            target = allocation.target();
            changed = true;
        }
        if (parentTarget == null || parentTarget.compareTo(newParentTarget) != 0) {
            parentTarget = newParentTarget;
            changed = true;
        }
        return changed;
    }

    /** The root follows its task's target after a revision. */
    boolean followTask(Task task) {
        if (target.compareTo(task.indicator().target()) == 0 && !task.cancelled()) {
            return false;
        }
        target = task.indicator().target();
        indicator = task.indicator();
        if (task.cancelled()) {
            status = AssignmentStatus.CANCELLED;
            cancelReason = task.cancelReason();
        }
        return true;
    }

    Optional<Allocation> allocationTo(String childPath) {
        return allocations.stream().filter(a -> a.unitPath().equals(childPath)).findFirst();
    }

    private ExtensionRequest pendingExtension() {
        if (extension == null || !extension.pending()) {
            throw new ConflictException("没有待审批的延期申请 / no pending extension request");
        }
        return extension;
    }

    private void requireActive() {
        if (status == AssignmentStatus.CANCELLED) {
            throw new ConflictException("任务已取消 / the assignment is cancelled");
        }
    }

    @Override
    protected String aggregateId() {
        return id;
    }

    /** What the children's targets add up to; null for a rate, which is passed down whole and never added up. */
    public BigDecimal allocatedSum() {
        if (indicator.kind() == IndicatorKind.RATE) {
            return null;
        }
        return allocations.stream()
                .filter(a -> !a.cancelled())
                .map(Allocation::target)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public BigDecimal shortfall() {
        if (allocations.stream().noneMatch(a -> !a.cancelled())) {
            return BigDecimal.ZERO;
        }
        if (indicator.kind() == IndicatorKind.RATE) {
            return BigDecimal.ZERO;
        }
        BigDecimal covered = allocatedSum().add(retained == null ? BigDecimal.ZERO : retained);
        return AllocationRules.shortfall(indicator.kind(), indicator.direction(), target, covered);
    }

    /** The share of a count or amount the unit keeps for itself (本级保留), or null if it never set one. */
    public BigDecimal retained() {
        return retained;
    }

    public String id() {
        return id;
    }

    public String planId() {
        return planId;
    }

    public String taskId() {
        return taskId;
    }

    public int year() {
        return year;
    }

    public String taskTitle() {
        return taskTitle;
    }

    public String workArea() {
        return workArea;
    }

    public Indicator indicator() {
        return indicator;
    }

    public OrgPath unitPath() {
        return OrgPath.of(unitPath);
    }

    public String parentAssignmentId() {
        return parentAssignmentId;
    }

    public BigDecimal parentTarget() {
        return parentTarget;
    }

    public BigDecimal target() {
        return target;
    }

    public LocalDate dueDate() {
        return dueDate;
    }

    public AssignmentStatus status() {
        return status;
    }

    public Instant acknowledgedAt() {
        return acknowledgedAt;
    }

    public List<Allocation> allocations() {
        return List.copyOf(allocations);
    }

    public boolean childrenPending() {
        return childrenPending;
    }

    public ExtensionRequest extension() {
        return extension;
    }

    public int reminders() {
        return reminders;
    }

    public String cancelReason() {
        return cancelReason;
    }
}
