package cn.fulian.reporting.readmodel;

import cn.fulian.events.EventCodec;
import cn.fulian.events.planning.AssignmentAcknowledged;
import cn.fulian.events.planning.AssignmentReminded;
import cn.fulian.events.planning.DeadlineExtended;
import cn.fulian.events.planning.ExtensionRejected;
import cn.fulian.events.planning.ExtensionRequested;
import cn.fulian.events.planning.IndicatorSource;
import cn.fulian.events.planning.PlanPublished;
import cn.fulian.events.planning.TargetAllocated;
import cn.fulian.events.planning.TargetRetained;
import cn.fulian.events.planning.TargetRevised;
import cn.fulian.events.planning.TaskCancelled;
import cn.fulian.events.planning.TaskPublished;
import cn.fulian.starter.consumer.ConsumedEvent;
import cn.fulian.starter.scope.OrgPath;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;
import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Plans, tasks and assignments. Attributes are {@code $set}, so planning events may arrive in any order relative to
 * activity or report events; the only counter they move is the live actual of activities that were linked to an
 * assignment before its allocation reached us (see {@link ActivityProjection}).
 */
@Component
class PlanningProjection {

    /** On an assignment: whether it is counted among the reports its unit and ancestors are owed. */
    private static final String EXPECTED_COUNTED = "expectedCounted";

    /** On an assignment: activity links that arrived before its allocation, by event id (see ActivityProjection). */
    static final String PENDING = "pending";

    private final MongoTemplate mongo;
    private final EventCodec codec;

    PlanningProjection(MongoTemplate mongo, EventCodec codec) {
        this.mongo = mongo;
        this.codec = codec;
    }

    void apply(ConsumedEvent event, UpdateBatch batch) {
        switch (event.envelope().type()) {
            case PlanPublished.TYPE -> {
                PlanPublished e = codec.payload(event.envelope(), PlanPublished.class);
                batch.on(ReadModel.PLANS, e.planId())
                        .set("year", e.year())
                        .set("title", e.title())
                        .set("taskCount", e.taskCount())
                        .set("unitPath", event.envelope().orgPath())
                        .set("publishedAt", Date.from(event.envelope().occurredAt()));
            }
            case TaskPublished.TYPE -> {
                TaskPublished e = codec.payload(event.envelope(), TaskPublished.class);
                Update u = batch.on(ReadModel.TASKS, e.taskId())
                        .set("planId", e.planId())
                        .set(TaskFields.PLAN_UNIT_PATH, event.envelope().orgPath())
                        .set("year", e.year())
                        .set("workArea", e.workArea())
                        .set("title", e.title())
                        .set("dueDate", e.dueDate() == null ? null : e.dueDate().toString());
                if (e.indicator() != null) {
                    u.set("indicatorName", e.indicator().name())
                            .set("indicatorUnit", e.indicator().unit())
                            .set("kind", e.indicator().kind())
                            .set("direction", e.indicator().direction())
                            .set("target", Fixed.of(e.indicator().target()));
                    IndicatorSource source = e.indicator().source();
                    u.set(TaskFields.SOURCE_KIND, source == null ? null : source.kind())
                            .set(TaskFields.SOURCE_METRIC, source == null ? null : source.metric())
                            .set(TaskFields.RIGHTS_KPI, source == null ? null : source.rightsKpi())
                            .set(TaskFields.RIGHTS_CATEGORY, source == null ? null : source.category())
                            .set(TaskFields.HONOUR_FIGURE, source == null ? null : source.honourFigure())
                            .set(TaskFields.HONOUR_KIND, source == null ? null : source.honourKind());
                }
            }
            case TargetRevised.TYPE -> {
                TargetRevised e = codec.payload(event.envelope(), TargetRevised.class);
                batch.on(ReadModel.TASKS, e.taskId()).set("target", Fixed.of(e.newTarget()));
            }
            case TargetAllocated.TYPE ->
                allocated(
                        codec.payload(event.envelope(), TargetAllocated.class),
                        event.envelope().occurredAt(),
                        batch);
            case TargetRetained.TYPE -> {
                TargetRetained e = codec.payload(event.envelope(), TargetRetained.class);
                batch.taskUnit(e.year(), e.taskId(), OrgPath.of(e.unitPath())).set("retained", Fixed.of(e.retained()));
            }
            case TaskCancelled.TYPE -> {
                TaskCancelled e = codec.payload(event.envelope(), TaskCancelled.class);
                if (e.assignmentId() == null) {
                    batch.on(ReadModel.TASKS, e.taskId()).set("cancelled", true).set("cancelReason", e.reason());
                } else {
                    Document a = onAssignment(
                            e.assignmentId(),
                            batch,
                            u -> u.set("cancelled", true).set("cancelReason", e.reason()));
                    if (a != null && Boolean.TRUE.equals(a.getBoolean(EXPECTED_COUNTED))) {
                        batch.incUp(
                                a.getInteger("year"),
                                a.getString("taskId"),
                                OrgPath.of(a.getString("unitPath")),
                                ReadModel.EXPECTED_REPORTS,
                                -1);
                        batch.markAfter(
                                ReadModel.ASSIGNMENTS, e.assignmentId(), new Update().set(EXPECTED_COUNTED, false));
                    }
                }
            }
            case AssignmentAcknowledged.TYPE -> {
                AssignmentAcknowledged e = codec.payload(event.envelope(), AssignmentAcknowledged.class);
                Date at = Date.from(e.acknowledgedAt());
                onAssignment(e.assignmentId(), batch, u -> u.set("acknowledgedAt", at));
            }
            case AssignmentReminded.TYPE -> {
                AssignmentReminded e = codec.payload(event.envelope(), AssignmentReminded.class);
                batch.on(ReadModel.ASSIGNMENTS, e.assignmentId()).set("lastRemindedAt", Date.from(e.remindedAt()));
                batch.inc(ReadModel.ASSIGNMENTS, e.assignmentId(), "reminders", 1);
            }
            case DeadlineExtended.TYPE -> {
                DeadlineExtended e = codec.payload(event.envelope(), DeadlineExtended.class);
                String due = e.newDueDate().toString();
                onAssignment(e.assignmentId(), batch, u -> u.set("dueDate", due).set("extension", "APPROVED"));
            }
            case ExtensionRequested.TYPE -> {
                ExtensionRequested e = codec.payload(event.envelope(), ExtensionRequested.class);
                batch.on(ReadModel.ASSIGNMENTS, e.assignmentId())
                        .set("extension", "REQUESTED")
                        .set("extensionRequestedDueDate", e.requestedDueDate().toString());
            }
            case ExtensionRejected.TYPE -> {
                ExtensionRejected e = codec.payload(event.envelope(), ExtensionRejected.class);
                batch.on(ReadModel.ASSIGNMENTS, e.assignmentId()).set("extension", "REJECTED");
            }
            default -> {
                // other planning events do not change any figure
            }
        }
    }

    /**
     * Records the assignment and its target. Setting the task on the assignment closes the door on activity links
     * waiting for it; the links that waited are returned by the same atomic write and added to the live actual now.
     */
    private void allocated(TargetAllocated e, Instant occurredAt, UpdateBatch batch) {
        OrgPath unit = OrgPath.of(e.unitPath());
        Document known = batch.find(ReadModel.ASSIGNMENTS, e.assignmentId());
        Document before;
        if (known == null || !(known.get(PENDING) instanceof Document waiting) || waiting.isEmpty()) {
            // no activity link waits on the assignment: written with the poll's other changes, on the condition that
            // none has begun to wait by then (see UpdateBatch#onRequiring)
            before = known;
            assignment(
                    e,
                    unit,
                    batch.onRequiring(
                            ReadModel.ASSIGNMENTS,
                            e.assignmentId(),
                            Criteria.where(PENDING).exists(false)));
        } else {
            before = batch.writeNow(
                    ReadModel.ASSIGNMENTS,
                    e.assignmentId(),
                    () -> mongo.findAndModify(
                            Query.query(Criteria.where("_id").is(e.assignmentId())),
                            assignment(e, unit, new Update()),
                            FindAndModifyOptions.options().upsert(true).returnNew(false),
                            Document.class,
                            ReadModel.ASSIGNMENTS));
        }
        boolean drain = before == null || !Boolean.TRUE.equals(before.getBoolean("drained"));
        if (drain && before != null && before.get(PENDING) instanceof Document pending) {
            for (Object value : pending.values()) {
                ActivityProjection.addToActual(batch, e.year(), e.taskId(), (Document) value);
            }
        }
        Update own = batch.taskUnit(e.year(), e.taskId(), unit)
                .set("assignmentId", e.assignmentId())
                .set("parentAssignmentId", e.parentAssignmentId())
                .set("target", Fixed.of(e.target()))
                .set("cancelled", false);
        if (e.dueDate() != null) {
            own.set("dueDate", e.dueDate().toString());
        }
        batch.childOf(e.year(), e.taskId(), unit);
        boolean owesReports = e.parentAssignmentId() != null;
        boolean counted = before != null && Boolean.TRUE.equals(before.getBoolean(EXPECTED_COUNTED));
        if (owesReports && !counted) {
            // the mark is set only after the counters moved: a redelivery after a crash counts again, and the
            // offset guard lets through only what did not happen yet
            batch.incUp(e.year(), e.taskId(), unit, ReadModel.EXPECTED_REPORTS, 1);
            batch.markAfter(ReadModel.ASSIGNMENTS, e.assignmentId(), new Update().set(EXPECTED_COUNTED, true));
        }
        if (e.parentAssignmentId() == null && occurredAt != null) {
            // the plan's own unit holds its tasks acknowledged from publication, without an AssignmentAcknowledged;
            // $min keeps the first moment when a revision allocates again. On the assignment too, so the ledger
            // export says 已签收 where the dashboard does.
            own.min("acknowledgedAt", Date.from(occurredAt));
            batch.on(ReadModel.ASSIGNMENTS, e.assignmentId()).min("acknowledgedAt", Date.from(occurredAt));
        }
        if (drain) {
            // only once the waiting links are in the actual: a crash before this redelivers the event, and the
            // offset guard lets through exactly the roll-ups that did not happen yet
            batch.markAfter(ReadModel.ASSIGNMENTS, e.assignmentId(), new Update().set("drained", true));
        }
    }

    /** The assignment's attributes as the allocation sets them. */
    private static Update assignment(TargetAllocated e, OrgPath unit, Update u) {
        return u.set("taskId", e.taskId())
                .set("year", e.year())
                .set("unitPath", unit.value())
                .set("parentPath", ReadModel.parentOf(unit))
                .set("parentAssignmentId", e.parentAssignmentId())
                .set("target", Fixed.of(e.target()))
                .set("dueDate", e.dueDate() == null ? null : e.dueDate().toString())
                .set("cancelled", false);
    }

    /** The assignments the event reads or changes, to read them ahead. */
    List<String> assignmentIds(ConsumedEvent event) {
        String id = switch (event.envelope().type()) {
            case TargetAllocated.TYPE ->
                codec.payload(event.envelope(), TargetAllocated.class).assignmentId();
            case AssignmentAcknowledged.TYPE ->
                codec.payload(event.envelope(), AssignmentAcknowledged.class).assignmentId();
            case DeadlineExtended.TYPE ->
                codec.payload(event.envelope(), DeadlineExtended.class).assignmentId();
            case TaskCancelled.TYPE ->
                codec.payload(event.envelope(), TaskCancelled.class).assignmentId();
            default -> null;
        };
        return id == null ? List.of() : List.of(id);
    }

    /**
     * Applies the same change to the assignment and to its (year, task, unit) document.
     *
     * @return the assignment as it was before this event, or null if its allocation has not arrived
     */
    private Document onAssignment(String assignmentId, UpdateBatch batch, Consumer<Update> change) {
        change.accept(batch.on(ReadModel.ASSIGNMENTS, assignmentId));
        Document a = batch.find(ReadModel.ASSIGNMENTS, assignmentId);
        if (a != null && a.getString("taskId") != null) {
            change.accept(
                    batch.taskUnit(a.getInteger("year"), a.getString("taskId"), OrgPath.of(a.getString("unitPath"))));
            return a;
        }
        return null;
    }
}
