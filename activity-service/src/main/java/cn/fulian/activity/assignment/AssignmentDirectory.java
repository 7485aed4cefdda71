package cn.fulian.activity.assignment;

import cn.fulian.events.planning.Indicator;
import cn.fulian.events.planning.IndicatorSource;
import cn.fulian.events.planning.TargetAllocated;
import cn.fulian.events.planning.TaskCancelled;
import cn.fulian.events.planning.TaskPublished;
import cn.fulian.starter.consumer.ConsumedEvent;
import cn.fulian.starter.consumer.ExactConsumer;
import cn.fulian.starter.scope.OrgPath;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * The local copy of planning's tasks and assignments, kept from {@code planning.events.v1}: which unit was given which
 * task in which year, and the task's indicator. Tasks and allocations are separate documents because their events are
 * keyed differently and may arrive in either order; lookups join them.
 */
@Service
public class AssignmentDirectory {

    static final String TASKS = "planning_task_copies";
    static final String ASSIGNMENTS = "planning_assignment_copies";

    private final MongoTemplate mongo;
    private final ExactConsumer consumer;

    AssignmentDirectory(MongoTemplate mongo, ExactConsumer consumer) {
        this.mongo = mongo;
        this.consumer = consumer;
    }

    /** Applies one planning event; other planning events are not needed here. */
    void apply(ConsumedEvent event) {
        switch (event.envelope().type()) {
            case TaskPublished.TYPE ->
                taskPublished(consumer.codec().payload(event.envelope(), TaskPublished.class), event);
            case TargetAllocated.TYPE ->
                targetAllocated(consumer.codec().payload(event.envelope(), TargetAllocated.class), event);
            case TaskCancelled.TYPE ->
                taskCancelled(consumer.codec().payload(event.envelope(), TaskCancelled.class), event);
            default -> {
                // plans, acknowledgements, deadlines and reminders do not change what an activity may count toward
            }
        }
    }

    private void taskPublished(TaskPublished task, ConsumedEvent event) {
        Indicator indicator = task.indicator();
        Update update = new Update()
                .set("year", task.year())
                .set("planId", task.planId())
                .set("title", task.title())
                .set("workArea", task.workArea())
                .set("indicatorName", indicator != null ? indicator.name() : null)
                .set("indicatorUnit", indicator != null ? indicator.unit() : null)
                .set("indicatorKind", indicator != null ? indicator.kind() : null)
                .set("published", true);
        IndicatorSource source = indicator != null ? indicator.source() : null;
        update.set("sourceKind", source != null ? source.kind() : null)
                .set("sourceMetric", source != null ? source.metric() : null)
                .set("sourceDenominatorMetric", source != null ? source.denominatorMetric() : null);
        consumer.writer().apply(TASKS, task.taskId(), update, event);
    }

    private void targetAllocated(TargetAllocated allocation, ConsumedEvent event) {
        Update update = new Update()
                .set("taskId", allocation.taskId())
                .set("year", allocation.year())
                .set("unitPath", allocation.unitPath())
                .set("parentAssignmentId", allocation.parentAssignmentId())
                .set("target", allocation.target() != null ? allocation.target().toPlainString() : null)
                .set("dueDate", allocation.dueDate())
                .setOnInsert("cancelled", false);
        consumer.writer().apply(ASSIGNMENTS, allocation.assignmentId(), update, event);
    }

    private void taskCancelled(TaskCancelled cancelled, ConsumedEvent event) {
        Update update = new Update().set("cancelled", true).set("cancelReason", cancelled.reason());
        if (cancelled.assignmentId() != null) {
            consumer.writer().apply(ASSIGNMENTS, cancelled.assignmentId(), update, event);
        } else {
            consumer.writer().apply(TASKS, cancelled.taskId(), update, event);
        }
    }

    public Optional<AssignmentInfo> find(String assignmentId) {
        return findAll(List.of(assignmentId)).values().stream().findFirst();
    }

    /** The assignments with these ids that are known, by id. */
    public Map<String, AssignmentInfo> findAll(Collection<String> assignmentIds) {
        List<Document> assignments =
                mongo.find(Query.query(Criteria.where("_id").in(assignmentIds)), Document.class, ASSIGNMENTS);
        return join(assignments).stream().collect(Collectors.toMap(AssignmentInfo::assignmentId, Function.identity()));
    }

    /** The ids of every assignment of a task, whichever unit holds it. */
    public List<String> idsOfTask(String taskId) {
        Query q = Query.query(Criteria.where("taskId").is(taskId));
        q.fields().include("_id");
        return mongo.find(q, Document.class, ASSIGNMENTS).stream()
                .map(d -> d.getString("_id"))
                .toList();
    }

    /**
     * What a unit may count its activities toward in a year: its own published, not cancelled assignments whose actual
     * comes from activities. Its ancestors' assignments of the same tasks receive the activity through the roll-up.
     */
    public List<AssignmentInfo> linkable(OrgPath unit, int year) {
        Query q = Query.query(Criteria.where("unitPath")
                        .is(unit.value())
                        .and("year")
                        .is(year)
                        .and("cancelled")
                        .ne(true))
                .with(Sort.by("unitPath", "_id"));
        return join(mongo.find(q, Document.class, ASSIGNMENTS)).stream()
                .filter(a -> a.taskPublished() && !a.cancelled() && a.fedByActivities())
                .toList();
    }

    private List<AssignmentInfo> join(List<Document> assignments) {
        List<String> taskIds =
                assignments.stream().map(d -> d.getString("taskId")).distinct().toList();
        Map<String, Document> tasks =
                mongo.find(Query.query(Criteria.where("_id").in(taskIds)), Document.class, TASKS).stream()
                        .collect(Collectors.toMap(d -> d.getString("_id"), Function.identity()));
        return assignments.stream()
                .map(a -> {
                    Document t = tasks.get(a.getString("taskId"));
                    boolean published = t != null && Boolean.TRUE.equals(t.getBoolean("published"));
                    boolean cancelled = Boolean.TRUE.equals(a.getBoolean("cancelled"))
                            || (t != null && Boolean.TRUE.equals(t.getBoolean("cancelled")));
                    String target = a.getString("target");
                    return new AssignmentInfo(
                            a.getString("_id"),
                            a.getString("taskId"),
                            a.getInteger("year", 0),
                            a.getString("unitPath"),
                            target != null ? new BigDecimal(target) : null,
                            cancelled,
                            published,
                            t != null ? t.getString("title") : null,
                            t != null ? t.getString("indicatorName") : null,
                            t != null ? t.getString("indicatorUnit") : null,
                            t != null ? t.getString("indicatorKind") : null,
                            t != null ? t.getString("sourceKind") : null,
                            t != null ? t.getString("sourceMetric") : null,
                            t != null ? t.getString("sourceDenominatorMetric") : null);
                })
                .toList();
    }
}
