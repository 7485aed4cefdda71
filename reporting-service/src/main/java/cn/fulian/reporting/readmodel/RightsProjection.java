package cn.fulian.reporting.readmodel;

import cn.fulian.events.EventCodec;
import cn.fulian.events.EventEnvelope;
import cn.fulian.events.rights.CaseClosed;
import cn.fulian.events.rights.CaseFollowedUp;
import cn.fulian.events.rights.CaseOverdue;
import cn.fulian.events.rights.CaseRegistered;
import cn.fulian.events.rights.CaseReopened;
import cn.fulian.events.rights.CaseTransferred;
import cn.fulian.reporting.config.ReportingProperties;
import cn.fulian.starter.consumer.ConsumedEvent;
import cn.fulian.starter.scope.OrgPath;
import java.time.Instant;
import java.time.ZoneId;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Rights-case counters per (year, unit) and every ancestor; the year is the year the case was received
 * ({@code receivedOn}, else the year it was registered), so a year's closure rate compares the cases received that
 * year with those of them closed, and an earlier year's ledger moved in later counts in its own year. A case flagged
 * as a possible repeat petition (重复信访) also counts under {@code repeat}.
 *
 * <p>All events of a case share a partition and arrive in order. Reopening and transfer must undo what the case
 * counted before, so the case's state is kept and changed only after the counters were: a redelivered event finds
 * the old state, computes the same change, and the offset guard lets through only the part not yet applied.
 */
@Component
class RightsProjection {

    private final MongoTemplate mongo;
    private final EventCodec codec;
    private final ZoneId zone;

    RightsProjection(MongoTemplate mongo, EventCodec codec, ReportingProperties props) {
        this.mongo = mongo;
        this.codec = codec;
        this.zone = ZoneId.of(props.zone());
    }

    void apply(ConsumedEvent event, UpdateBatch batch) {
        EventEnvelope env = event.envelope();
        switch (env.type()) {
            case CaseRegistered.TYPE -> {
                CaseRegistered e = codec.payload(env, CaseRegistered.class);
                int year = e.receivedOn() != null ? e.receivedOn().getYear() : yearOf(e.registeredAt(), env);
                count(batch, year, e.unitPath(), e.category(), "received", 1);
                if (e.possibleRepeat()) {
                    count(batch, year, e.unitPath(), e.category(), "repeat", 1);
                }
                state(batch, e.caseId())
                        .set("unitPath", e.unitPath())
                        .set("category", e.category())
                        .set("channel", e.channel())
                        .set("year", year)
                        .set("repeat", e.possibleRepeat())
                        .set("closed", false)
                        .set("closedOnTime", false);
            }
            case CaseTransferred.TYPE -> {
                CaseTransferred e = codec.payload(env, CaseTransferred.class);
                Document c = caseState(batch, e.caseId());
                int year = c != null ? c.getInteger("year") : yearOf(e.transferredAt(), env);
                String category = c != null ? c.getString("category") : e.category();
                // the receiving unit now answers for the case: it moves with its counts, common ancestors net zero
                move(batch, year, e.fromUnitPath(), e.toUnitPath(), category, "received");
                if (c != null && Boolean.TRUE.equals(c.getBoolean("repeat"))) {
                    move(batch, year, e.fromUnitPath(), e.toUnitPath(), category, "repeat");
                }
                if (c != null && Boolean.TRUE.equals(c.getBoolean("closed"))) {
                    move(batch, year, e.fromUnitPath(), e.toUnitPath(), category, "closed");
                    if (Boolean.TRUE.equals(c.getBoolean("closedOnTime"))) {
                        move(batch, year, e.fromUnitPath(), e.toUnitPath(), category, "closedOnTime");
                    }
                }
                state(batch, e.caseId()).set("unitPath", e.toUnitPath());
            }
            case CaseClosed.TYPE -> {
                CaseClosed e = codec.payload(env, CaseClosed.class);
                Document c = caseState(batch, e.caseId());
                if (c != null && Boolean.TRUE.equals(c.getBoolean("closed"))) {
                    return; // closed twice without a reopening: counted once
                }
                int year = c != null ? c.getInteger("year") : yearOf(e.closedAt(), env);
                String unit = c != null ? c.getString("unitPath") : e.unitPath();
                String category = c != null ? c.getString("category") : e.category();
                count(batch, year, unit, category, "closed", 1);
                if (e.onTime()) {
                    count(batch, year, unit, category, "closedOnTime", 1);
                }
                state(batch, e.caseId()).set("closed", true).set("closedOnTime", e.onTime());
            }
            case CaseReopened.TYPE -> {
                CaseReopened e = codec.payload(env, CaseReopened.class);
                Document c = caseState(batch, e.caseId());
                if (c == null || !Boolean.TRUE.equals(c.getBoolean("closed"))) {
                    return;
                }
                int year = c.getInteger("year");
                String unit = c.getString("unitPath");
                String category = c.getString("category");
                count(batch, year, unit, category, "closed", -1);
                if (Boolean.TRUE.equals(c.getBoolean("closedOnTime"))) {
                    count(batch, year, unit, category, "closedOnTime", -1);
                }
                count(batch, year, unit, category, "reopened", 1);
                state(batch, e.caseId()).set("closed", false).set("closedOnTime", false);
            }
            case CaseFollowedUp.TYPE -> {
                CaseFollowedUp e = codec.payload(env, CaseFollowedUp.class);
                Document c = caseState(batch, e.caseId());
                int year = c != null ? c.getInteger("year") : yearOf(e.followedUpAt(), env);
                String unit = c != null ? c.getString("unitPath") : e.unitPath();
                String category = c != null ? c.getString("category") : e.category();
                count(batch, year, unit, category, "followUps", 1);
                count(batch, year, unit, category, "satisfactionSum", e.satisfaction());
                if (e.satisfaction() >= 4) {
                    count(batch, year, unit, category, "satisfied", 1);
                }
            }
            case CaseOverdue.TYPE -> {
                CaseOverdue e = codec.payload(env, CaseOverdue.class);
                Document c = caseState(batch, e.caseId());
                int year = c != null ? c.getInteger("year") : yearOf(e.detectedAt(), env);
                String unit = c != null ? c.getString("unitPath") : e.unitPath();
                String category = c != null ? c.getString("category") : e.category();
                count(batch, year, unit, category, "overdue", 1);
            }
            default -> {
                // other rights events do not change any figure
            }
        }
    }

    private int yearOf(Instant at, EventEnvelope env) {
        return (at != null ? at : env.occurredAt()).atZone(zone).getYear();
    }

    private static Document caseState(UpdateBatch batch, String caseId) {
        return batch.find(ReadModel.CASES, caseId);
    }

    private static Update state(UpdateBatch batch, String caseId) {
        return batch.on(ReadModel.CASES, caseId);
    }

    private static void move(UpdateBatch batch, int year, String from, String to, String category, String field) {
        count(batch, year, from, category, field, -1);
        count(batch, year, to, category, field, 1);
    }

    /** Adds to a counter of the unit and every ancestor, in total and for the case's category. */
    private static void count(UpdateBatch batch, int year, String unitPath, String category, String field, long n) {
        if (!OrgPath.isValid(unitPath)) {
            return;
        }
        for (OrgPath p : OrgPath.of(unitPath).selfAndAncestors()) {
            batch.yearUnit(ReadModel.RIGHTS, year, p);
            String id = ReadModel.yearUnitId(year, p.value());
            batch.inc(ReadModel.RIGHTS, id, field, n);
            if (category != null) {
                batch.inc(ReadModel.RIGHTS, id, "categories." + category + "." + field, n);
            }
        }
    }
}
