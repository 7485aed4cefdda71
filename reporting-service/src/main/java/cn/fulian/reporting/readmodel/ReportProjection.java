package cn.fulian.reporting.readmodel;

import cn.fulian.events.EventCodec;
import cn.fulian.events.EventEnvelope;
import cn.fulian.events.reporting.ProgressReported;
import cn.fulian.events.reporting.ReportApproved;
import cn.fulian.events.reporting.ReportReturned;
import cn.fulian.reporting.period.ReportPeriod;
import cn.fulian.starter.consumer.ConsumedEvent;
import cn.fulian.starter.scope.OrgPath;
import java.util.Date;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Reported and approved values: each report sets its period's entry on the unit's (year, task, unit) document (a
 * unit's report already speaks for its subtree, so nothing is rolled up), and its state on a per-report document
 * whose change of state moves the completeness counters of the unit and its ancestors. All of one report's events
 * share a partition.
 */
@Component
class ReportProjection {

    private final EventCodec codec;
    private final MongoTemplate mongo;

    ReportProjection(EventCodec codec, MongoTemplate mongo) {
        this.codec = codec;
        this.mongo = mongo;
    }

    /** What a report counts for in its period's completeness: submitted, on time, approved (0 or 1 each). */
    private record Counts(long submitted, long onTime, long approved) {

        static Counts of(String status, Boolean onTime) {
            boolean submitted = "SUBMITTED".equals(status) || "APPROVED".equals(status);
            return new Counts(
                    submitted ? 1 : 0,
                    submitted && Boolean.TRUE.equals(onTime) ? 1 : 0,
                    "APPROVED".equals(status) ? 1 : 0);
        }
    }

    /**
     * Moves the period's completeness counters of the unit and its ancestors by the change of this report's state.
     * Runs before the report's own document is written in the same batch, so an event redelivered after a crash
     * computes the same change, and the offset guard lets through only what is missing.
     */
    private void countTransition(
            UpdateBatch batch,
            String reportId,
            int year,
            String taskId,
            OrgPath unit,
            String period,
            String status,
            Boolean onTime) {
        Document before = batch.find(ReadModel.REPORTS, reportId);
        Counts was = before == null
                ? Counts.of(null, null)
                : Counts.of(before.getString("status"), before.getBoolean("onTime"));
        Boolean nowOnTime = onTime != null ? onTime : before == null ? null : before.getBoolean("onTime");
        Counts now = Counts.of(status, nowOnTime);
        String p = ReadModel.REPORT_COUNTS + "." + period + ".";
        batch.incUp(year, taskId, unit, p + "submitted", now.submitted() - was.submitted());
        batch.incUp(year, taskId, unit, p + "onTime", now.onTime() - was.onTime());
        batch.incUp(year, taskId, unit, p + "approved", now.approved() - was.approved());
    }

    void apply(ConsumedEvent event, UpdateBatch batch) {
        EventEnvelope env = event.envelope();
        switch (env.type()) {
            case ProgressReported.TYPE -> {
                ProgressReported e = codec.payload(env, ProgressReported.class);
                int year = ReportPeriod.parse(e.period()).year();
                OrgPath unit = OrgPath.of(e.unitPath());
                String p = "reports." + e.period();
                batch.taskUnit(year, e.taskId(), unit)
                        .set(p + ".value", Fixed.of(e.value()))
                        .set(p + ".status", "SUBMITTED")
                        .set(p + ".onTime", e.onTime())
                        .set(p + ".submittedAt", Date.from(e.submittedAt()))
                        .set(p + ".reportId", e.reportId());
                countTransition(batch, e.reportId(), year, e.taskId(), unit, e.period(), "SUBMITTED", e.onTime());
                report(batch, e.reportId(), year, e.assignmentId(), e.taskId(), unit, e.period())
                        .set("status", "SUBMITTED")
                        .set("value", Fixed.of(e.value()))
                        .set("onTime", e.onTime())
                        .set("submittedAt", Date.from(e.submittedAt()));
            }
            case ReportApproved.TYPE -> {
                ReportApproved e = codec.payload(env, ReportApproved.class);
                int year = ReportPeriod.parse(e.period()).year();
                OrgPath unit = OrgPath.of(e.unitPath());
                String p = "reports." + e.period();
                batch.taskUnit(year, e.taskId(), unit)
                        .set(p + ".status", "APPROVED")
                        .set(p + ".approvedValue", Fixed.of(e.value()))
                        .set(p + ".approvedAt", Date.from(e.approvedAt()))
                        .set(p + ".reportId", e.reportId());
                countTransition(batch, e.reportId(), year, e.taskId(), unit, e.period(), "APPROVED", null);
                report(batch, e.reportId(), year, e.assignmentId(), e.taskId(), unit, e.period())
                        .set("status", "APPROVED")
                        .set("approvedValue", Fixed.of(e.value()))
                        .set("approvedAt", Date.from(e.approvedAt()));
            }
            case ReportReturned.TYPE -> {
                ReportReturned e = codec.payload(env, ReportReturned.class);
                int year = ReportPeriod.parse(e.period()).year();
                OrgPath unit = OrgPath.of(e.unitPath());
                String p = "reports." + e.period();
                batch.taskUnit(year, e.taskId(), unit)
                        .set(p + ".status", "RETURNED")
                        .set(p + ".returnReason", e.reason());
                countTransition(batch, e.reportId(), year, e.taskId(), unit, e.period(), "RETURNED", null);
                report(batch, e.reportId(), year, e.assignmentId(), e.taskId(), unit, e.period())
                        .set("status", "RETURNED")
                        .set("returnReason", e.reason())
                        .set("returnedAt", Date.from(e.returnedAt()));
            }
            default -> {
                // no other reporting events
            }
        }
    }

    private static Update report(
            UpdateBatch batch,
            String reportId,
            int year,
            String assignmentId,
            String taskId,
            OrgPath unit,
            String period) {
        return batch.on(ReadModel.REPORTS, reportId)
                .set("year", year)
                .set("assignmentId", assignmentId)
                .set("taskId", taskId)
                .set("unitPath", unit.value())
                .set("parentPath", ReadModel.parentOf(unit))
                .set("period", period);
    }
}
