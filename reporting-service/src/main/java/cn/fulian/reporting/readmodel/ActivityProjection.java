package cn.fulian.reporting.readmodel;

import cn.fulian.events.EventCodec;
import cn.fulian.events.EventEnvelope;
import cn.fulian.events.activity.ActivityAmended;
import cn.fulian.events.activity.ActivityRecorded;
import cn.fulian.events.activity.ActivityVoided;
import cn.fulian.events.activity.AssignmentContribution;
import cn.fulian.events.activity.HonourAwarded;
import cn.fulian.events.activity.HonourReviewed;
import cn.fulian.reporting.config.ReportingProperties;
import cn.fulian.starter.consumer.ConsumedEvent;
import cn.fulian.starter.scope.OrgPath;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Live actuals from activities: each contribution (an activity's metric counted toward an assignment) is added to
 * the (year, task, unit) document of the activity's unit and of every ancestor, so a unit's actual is the sum over its
 * subtree. Amendments and voids carry signed changes, so everything here only adds.
 *
 * <p>A contribution names an assignment, not a task. If the assignment's allocation has not reached us yet (topics
 * are read independently, and a rebuild replays them at different speeds), the contribution waits on the assignment's
 * document under its event id; the allocation picks up whatever waited in the same atomic write that makes the
 * assignment known, so nothing waits forever and nothing is counted twice.
 */
@Component
class ActivityProjection {

    private final MongoTemplate mongo;
    private final EventCodec codec;
    private final ZoneId zone;

    ActivityProjection(MongoTemplate mongo, EventCodec codec, ReportingProperties props) {
        this.mongo = mongo;
        this.codec = codec;
        this.zone = ZoneId.of(props.zone());
    }

    void apply(ConsumedEvent event, UpdateBatch batch) {
        EventEnvelope env = event.envelope();
        switch (env.type()) {
            case ActivityRecorded.TYPE -> {
                ActivityRecorded e = codec.payload(env, ActivityRecorded.class);
                contributions(env, e.unitPath(), e.contributions(), batch);
            }
            case ActivityAmended.TYPE -> {
                ActivityAmended e = codec.payload(env, ActivityAmended.class);
                contributions(env, e.unitPath(), e.contributions(), batch);
            }
            case ActivityVoided.TYPE -> {
                ActivityVoided e = codec.payload(env, ActivityVoided.class);
                contributions(env, e.unitPath(), e.contributions(), batch);
            }
            case HonourAwarded.TYPE -> {
                HonourAwarded e = codec.payload(env, HonourAwarded.class);
                int year = e.awardedOn() != null
                        ? e.awardedOn().getYear()
                        : env.occurredAt().atZone(zone).getYear();
                honour(batch, year, e.holderUnitPath(), e.kind(), "awarded");
            }
            case HonourReviewed.TYPE -> {
                HonourReviewed e = codec.payload(env, HonourReviewed.class);
                int year = e.reviewedOn() != null
                        ? e.reviewedOn().getYear()
                        : env.occurredAt().atZone(zone).getYear();
                honour(batch, year, e.holderUnitPath(), e.kind(), e.outcome());
            }
            default -> {
                // other activity events do not change any figure
            }
        }
    }

    /** The assignments the event's contributions count toward, to read them ahead. */
    List<String> assignmentIds(ConsumedEvent event) {
        EventEnvelope env = event.envelope();
        List<AssignmentContribution> list = switch (env.type()) {
            case ActivityRecorded.TYPE ->
                codec.payload(env, ActivityRecorded.class).contributions();
            case ActivityAmended.TYPE ->
                codec.payload(env, ActivityAmended.class).contributions();
            case ActivityVoided.TYPE -> codec.payload(env, ActivityVoided.class).contributions();
            default -> List.of();
        };
        if (list == null) {
            return List.of();
        }
        return list.stream()
                .map(AssignmentContribution::assignmentId)
                .filter(java.util.Objects::nonNull)
                .toList();
    }

    private void honour(UpdateBatch batch, int year, String holderPath, String kind, String what) {
        if (!OrgPath.isValid(holderPath) || kind == null || what == null) {
            return;
        }
        for (OrgPath p : OrgPath.of(holderPath).selfAndAncestors()) {
            batch.yearUnit(ReadModel.HONOURS, year, p);
            batch.inc(ReadModel.HONOURS, ReadModel.yearUnitId(year, p.value()), "kinds." + kind + "." + what, 1);
        }
    }

    /**
     * The counting rule: an activity adds to a task at each unit of its lineage once, rolled up from the unit that
     * recorded it. Activity-service only accepts links to the recording unit's own assignments; a link recorded before
     * that rule (to an ancestor's assignment, or a second one of the same task) is counted once per task and reported
     * in {@link ReadModel#RULE_BREAKS}.
     */
    private void contributions(
            EventEnvelope env, String unitPath, List<AssignmentContribution> list, UpdateBatch batch) {
        OrgPath unit = OrgPath.of(unitPath);
        Set<String> countedTasks = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            AssignmentContribution c = list.get(i);
            if (c.assignmentId() == null || c.amount() == null) {
                continue;
            }
            Document link = new Document("unitPath", unit.value())
                    .append("amount", Fixed.of(c.amount()))
                    .append("den", Fixed.of(c.denominatorAmount()));
            String waitKey = env.eventId() + "_" + i;
            Document assignment = resolveOrWait(batch, c.assignmentId(), waitKey, link);
            if (assignment == null) {
                continue;
            }
            String taskId = assignment.getString("taskId");
            boolean first = countedTasks.add(taskId);
            if (!unit.value().equals(assignment.getString("unitPath")) || !first) {
                batch.on(ReadModel.RULE_BREAKS, waitKey)
                        .set("eventType", env.type())
                        .set("activityUnitPath", unit.value())
                        .set("assignmentId", c.assignmentId())
                        .set("assignmentUnitPath", assignment.getString("unitPath"))
                        .set("taskId", taskId)
                        .set("counted", first);
            }
            if (first) {
                addToActual(batch, assignment.getInteger("year"), taskId, link);
            }
        }
    }

    /**
     * The assignment if it is known and this link was not left waiting on it earlier; null if the link now waits (or
     * waited already, and the allocation took or will take it).
     */
    private Document resolveOrWait(UpdateBatch batch, String assignmentId, String waitKey, Document link) {
        Query byId = Query.query(Criteria.where("_id").is(assignmentId));
        Document assignment = batch.find(ReadModel.ASSIGNMENTS, assignmentId);
        if (assignment == null || assignment.getString("taskId") == null) {
            try {
                batch.writeNow(
                        ReadModel.ASSIGNMENTS,
                        assignmentId,
                        () -> mongo.upsert(
                                Query.query(Criteria.where("_id")
                                        .is(assignmentId)
                                        .and("taskId")
                                        .exists(false)),
                                new Update().set(PlanningProjection.PENDING + "." + waitKey, link),
                                ReadModel.ASSIGNMENTS));
                return null;
            } catch (DuplicateKeyException resolvedMeanwhile) {
                assignment = mongo.findOne(byId, Document.class, ReadModel.ASSIGNMENTS);
            }
        }
        if (assignment.get(PlanningProjection.PENDING) instanceof Document pending && pending.containsKey(waitKey)) {
            return null;
        }
        return assignment;
    }

    /** Adds one link's amounts to its unit and every ancestor. */
    static void addToActual(UpdateBatch batch, int year, String taskId, Document link) {
        long amount = ((Number) link.get("amount")).longValue();
        long den = link.get("den") == null ? 0 : ((Number) link.get("den")).longValue();
        OrgPath recordedBy = OrgPath.of(link.getString("unitPath"));
        for (OrgPath p : recordedBy.selfAndAncestors()) {
            batch.taskUnit(year, taskId, p);
            batch.childOf(year, taskId, p);
            String id = ReadModel.taskUnitId(year, taskId, p.value());
            batch.inc(ReadModel.TASK_UNITS, id, "actual", amount);
            if (den != 0) {
                batch.inc(ReadModel.TASK_UNITS, id, "actualDen", den);
            }
            if (p.equals(recordedBy)) {
                // the unit's own work, measured against the share it keeps itself (本级保留)
                batch.inc(ReadModel.TASK_UNITS, id, "ownActual", amount);
            }
        }
    }
}
