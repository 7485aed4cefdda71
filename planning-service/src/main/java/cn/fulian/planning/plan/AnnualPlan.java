package cn.fulian.planning.plan;

import cn.fulian.events.planning.PlanPublished;
import cn.fulian.events.planning.TargetAllocated;
import cn.fulian.events.planning.TargetRevised;
import cn.fulian.events.planning.TaskCancelled;
import cn.fulian.events.planning.TaskPublished;
import cn.fulian.starter.outbox.AggregateRoot;
import cn.fulian.starter.problem.ConflictException;
import cn.fulian.starter.problem.InvalidFieldException;
import cn.fulian.starter.problem.NotFoundException;
import cn.fulian.starter.scope.OrgPath;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An annual work plan of one unit for one year. Only a draft is editable; publishing freezes the targets and hands
 * every task to the plan's own unit as its first assignment; later target changes are revisions with a reason.
 */
@Document("plans")
@CompoundIndex(name = "unit_year", def = "{'unitPath': 1, 'year': 1}", unique = true)
public class AnnualPlan extends AggregateRoot {

    @Id
    private String id;

    private String unitPath;
    private int year;
    private String title;
    private String overallRequirements;
    private List<String> workAreas = new ArrayList<>();
    private List<Task> tasks = new ArrayList<>();
    private PlanStatus status;
    private List<TargetRevision> revisions = new ArrayList<>();
    private String createdBy;
    private Instant createdAt;
    private String publishedBy;
    private Instant publishedAt;

    /** Set when publication recorded root assignments that still have to be written as their own documents. */
    private boolean rootAssignmentsPending;

    AnnualPlan() {}

    static AnnualPlan draft(OrgPath unit, PlanContent content, String by, Instant at) {
        content.validate();
        AnnualPlan plan = new AnnualPlan();
        plan.id = "plan-" + unit.code() + "-" + content.year();
        plan.unitPath = unit.value();
        plan.status = PlanStatus.DRAFT;
        plan.createdBy = by;
        plan.createdAt = at;
        plan.replace(content);
        return plan;
    }

    void edit(PlanContent content) {
        requireDraft();
        if (content.year() != year) {
            throw new InvalidFieldException("year", "不能修改计划年度,请新建计划", "the year of a plan cannot change");
        }
        content.validate();
        replace(content);
    }

    void publish(String by, Instant at) {
        requireDraft();
        if (tasks.isEmpty()) {
            throw new InvalidFieldException("tasks", "计划至少要有一项任务才能发布", "a plan needs at least one task");
        }
        status = PlanStatus.PUBLISHED;
        publishedBy = by;
        publishedAt = at;
        rootAssignmentsPending = true;
        record(new PlanPublished(id, year, title, tasks.size()), unitPath, at);
        for (Task t : tasks) {
            record(
                    new TaskPublished(
                            id,
                            t.id(),
                            year,
                            t.workArea(),
                            t.title(),
                            t.indicator().toContract(),
                            t.dueDate()),
                    unitPath,
                    at,
                    t.id());
            String rootId = AssignmentIds.of(t.id(), OrgPath.of(unitPath));
            record(
                    new TargetAllocated(
                            rootId, t.id(), year, null, unitPath, t.indicator().target(), t.dueDate()),
                    unitPath,
                    at,
                    rootId);
        }
    }

    void reviseTarget(String taskId, BigDecimal newTarget, String reason, String by, Instant at) {
        requirePublished();
        Task task = task(taskId);
        if (task.cancelled()) {
            throw new ConflictException("任务已取消 / the task is cancelled");
        }
        Indicator revised = task.indicator().withTarget(newTarget);
        PlanContent.validate(revised, "");
        BigDecimal previous = task.indicator().target();
        replaceTask(task.withIndicator(revised));
        revisions.add(new TargetRevision(taskId, previous, newTarget, reason, by, at));
        rootAssignmentsPending = true;
        record(new TargetRevised(id, taskId, year, previous, newTarget, reason), unitPath, at, taskId);
        String rootId = AssignmentIds.of(taskId, OrgPath.of(unitPath));
        record(
                new TargetAllocated(rootId, taskId, year, null, unitPath, newTarget, task.dueDate()),
                unitPath,
                at,
                rootId);
    }

    void cancelTask(String taskId, String reason, Instant at) {
        requirePublished();
        Task task = task(taskId);
        if (task.cancelled()) {
            throw new ConflictException("任务已取消 / the task is already cancelled");
        }
        replaceTask(task.cancel(reason));
        record(new TaskCancelled(taskId, null, unitPath, reason), unitPath, at, taskId);
    }

    void close() {
        requirePublished();
        status = PlanStatus.CLOSED;
    }

    /** "Start next year from this plan": the same structure as a new draft, due dates a year later. */
    AnnualPlan copyToNextYear(String by, Instant at) {
        List<PlanContent.TaskContent> next = tasks.stream()
                .filter(t -> !t.cancelled())
                .map(t -> new PlanContent.TaskContent(
                        t.workArea(),
                        t.title(),
                        t.description(),
                        t.leadDepartment(),
                        t.dueDate().plusYears(1),
                        t.indicator()))
                .toList();
        String nextTitle = title.replace(String.valueOf(year), String.valueOf(year + 1));
        return draft(
                OrgPath.of(unitPath),
                new PlanContent(year + 1, nextTitle, overallRequirements, workAreas, next),
                by,
                at);
    }

    public Task task(String taskId) {
        return tasks.stream()
                .filter(t -> t.id().equals(taskId))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("任务 " + taskId));
    }

    private void replace(PlanContent content) {
        year = content.year();
        title = content.title();
        overallRequirements = content.overallRequirements();
        workAreas = new ArrayList<>(content.workAreas());
        tasks = new ArrayList<>();
        int n = 0;
        for (PlanContent.TaskContent t : content.tasks()) {
            n++;
            tasks.add(new Task(
                    id + "-t" + String.format("%02d", n),
                    t.workArea(),
                    t.title(),
                    t.description(),
                    t.leadDepartment(),
                    t.dueDate(),
                    t.indicator(),
                    false,
                    null));
        }
    }

    private void replaceTask(Task task) {
        tasks.replaceAll(t -> t.id().equals(task.id()) ? task : t);
    }

    private void requireDraft() {
        if (status != PlanStatus.DRAFT) {
            throw new ConflictException("计划已发布,不能直接修改;如需调整目标请提交修订 / only a draft can be edited");
        }
    }

    private void requirePublished() {
        if (status != PlanStatus.PUBLISHED) {
            throw new ConflictException("计划未处于已发布状态 / the plan is not published");
        }
    }

    @Override
    protected String aggregateId() {
        return id;
    }

    public String id() {
        return id;
    }

    public OrgPath unitPath() {
        return OrgPath.of(unitPath);
    }

    public int year() {
        return year;
    }

    public String title() {
        return title;
    }

    public String overallRequirements() {
        return overallRequirements;
    }

    public List<String> workAreas() {
        return List.copyOf(workAreas);
    }

    public List<Task> tasks() {
        return List.copyOf(tasks);
    }

    public PlanStatus status() {
        return status;
    }

    public List<TargetRevision> revisions() {
        return List.copyOf(revisions);
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant publishedAt() {
        return publishedAt;
    }

    public boolean rootAssignmentsPending() {
        return rootAssignmentsPending;
    }
}
