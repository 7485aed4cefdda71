package cn.fulian.reporting.snapshot;

import cn.fulian.reporting.config.ReportingProperties;
import cn.fulian.reporting.dashboard.DashboardService;
import cn.fulian.reporting.dashboard.DashboardView;
import cn.fulian.reporting.period.ReportPeriod;
import cn.fulian.reporting.period.ReportSchedule;
import cn.fulian.reporting.period.ScheduleService;
import cn.fulian.reporting.readmodel.ReadModelReads;
import cn.fulian.reporting.snapshot.SnapshotInfo.Status;
import cn.fulian.starter.lease.InstanceId;
import cn.fulian.starter.lease.Lease;
import cn.fulian.starter.lease.MongoLeases;
import cn.fulian.starter.orgunit.OrgUnitDirectory;
import cn.fulian.starter.problem.InvalidFieldException;
import cn.fulian.starter.problem.NotFoundException;
import cn.fulian.starter.scope.OrgPath;
import cn.fulian.starter.scope.OrgScope;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Freezes the dashboards at each reporting deadline and answers them later.
 *
 * <p>A period's deadline is the end of its due date in the reporting zone. Once it has passed, one instance claims the
 * period's lease in {@value #RUNS} ({@link MongoLeases}, with the further condition that the period is not complete: a
 * second instance, or a second run, finds it complete or claimed and leaves it), reads the dashboard of every unit of
 * the year with "today" = the due date and stores each under the claim's attempt id in {@value #SNAPSHOTS}; the claim
 * is marked complete only after the last unit. A claim whose holder stopped renewing it (a crash) expires and the
 * period is taken again from the start; the
 * units of an unfinished attempt are never served. Neither collection is part of the read model, so a rebuild keeps
 * them.
 */
@Service
public class SnapshotService implements InitializingBean {

    /** One document per (year, period, unit): the frozen dashboard as JSON, so decimals come back digit for digit. */
    public static final String SNAPSHOTS = "dashboard_snapshots";
    /** One document per (year, period): the claim while the snapshot is taken, then its completion record. */
    public static final String RUNS = "dashboard_snapshot_runs";

    /** A snapshot read later than this after the deadline says it is late. */
    static final Duration ON_TIME = Duration.ofMinutes(15);
    /** How long a claim holds without being renewed; renewed before each unit is written. */
    static final Duration LEASE = Duration.ofMinutes(10);

    private static final Logger log = LoggerFactory.getLogger(SnapshotService.class);

    private final MongoTemplate mongo;
    private final DashboardService dashboards;
    private final ReadModelReads reads;
    private final ScheduleService schedules;
    private final JsonMapper json;
    private final ReportingProperties properties;
    private final Clock clock;
    private final MongoLeases leases;

    SnapshotService(
            MongoTemplate mongo,
            DashboardService dashboards,
            ReadModelReads reads,
            ScheduleService schedules,
            JsonMapper json,
            ReportingProperties properties,
            Clock clock) {
        this.mongo = mongo;
        this.dashboards = dashboards;
        this.reads = reads;
        this.schedules = schedules;
        this.json = json;
        this.properties = properties;
        this.clock = clock;
        this.leases = new MongoLeases(mongo, RUNS, clock);
    }

    @Override
    public void afterPropertiesSet() {
        mongo.indexOps(SNAPSHOTS)
                .createIndex(new Index().on("year", Sort.Direction.ASC).on("period", Sort.Direction.ASC));
    }

    /** The end of the period's due date in the reporting zone. */
    public Instant deadline(ReportSchedule schedule, ReportPeriod period) {
        return schedule.dueDate(period)
                .plusDays(1)
                .atStartOfDay(clock.getZone())
                .toInstant();
    }

    /**
     * Takes the snapshot of every period of the year whose deadline has passed and that has none yet (nor a live claim
     * by another instance). A deadline passed longer ago than the late limit is left without one.
     *
     * @return the periods whose snapshot this call took
     */
    public List<String> takeDue(int year) {
        ReportSchedule schedule = schedules.of(year);
        List<String> taken = new ArrayList<>();
        for (ReportPeriod period : schedule.periods()) {
            Instant deadline = deadline(schedule, period);
            Instant now = clock.instant();
            if (now.isBefore(deadline)) {
                break;
            }
            if (now.isAfter(deadline.plus(properties.snapshotLateLimit()))) {
                continue;
            }
            if (take(year, period, schedule.dueDate(period), deadline)) {
                taken.add(period.id());
            }
        }
        return taken;
    }

    private boolean take(int year, ReportPeriod period, LocalDate dueDate, Instant deadline) {
        String runId = runId(year, period.id());
        Document existing = mongo.findById(runId, Document.class, RUNS);
        Instant takenAt = clock.instant();
        if (existing != null
                && (Status.COMPLETE.name().equals(existing.getString("status"))
                        || existing.get(MongoLeases.UNTIL) instanceof Date until
                                && until.toInstant().isAfter(takenAt))) {
            return false; // done, or another instance is taking it: the usual case, answered without a write
        }
        Optional<Lease> claimed = leases.claim(
                runId,
                InstanceId.current(),
                LEASE,
                Criteria.where("status").ne(Status.COMPLETE.name()),
                new Update()
                        .set("year", year)
                        .set("period", period.id())
                        .set("dueDate", dueDate.toString())
                        .set("deadline", Date.from(deadline))
                        .set("status", Status.TAKING.name())
                        .set("takenAt", Date.from(takenAt))
                        .inc("attempts", 1));
        if (claimed.isEmpty()) {
            return false;
        }
        Lease lease = claimed.get();
        try {
            Set<String> units = units(year);
            for (String unit : units) {
                DashboardView view = dashboards.dashboard(OrgPath.of(unit), year, dueDate);
                // renewed right before each write: while it holds, no other instance can claim the period and
                // write the same unit, so a slow instance never overwrites a newer attempt's unit
                if (leases.renew(lease, LEASE).isEmpty()) {
                    log.warn("snapshot {} was taken over by another instance; leaving it to that one", runId);
                    return false;
                }
                mongo.save(
                        new Document("_id", runId + "|" + unit)
                                .append("year", year)
                                .append("period", period.id())
                                .append("unitPath", unit)
                                .append("attempt", lease.attempt())
                                .append("takenAt", Date.from(view.asOf()))
                                .append("view", json.writeValueAsString(view)),
                        SNAPSHOTS);
            }
            Instant completedAt = clock.instant();
            boolean late = takenAt.isAfter(deadline.plus(ON_TIME));
            if (!leases.update(
                    lease,
                    new Update()
                            .set("status", Status.COMPLETE.name())
                            .set("completedAt", Date.from(completedAt))
                            .set("units", units.size())
                            .set("late", late)
                            .unset(MongoLeases.UNTIL))) {
                log.warn("snapshot {} was taken over before it completed; leaving it to the other instance", runId);
                return false;
            }
            mongo.remove(
                    Query.query(Criteria.where("year")
                            .is(year)
                            .and("period")
                            .is(period.id())
                            .and("attempt")
                            .ne(lease.attempt())),
                    SNAPSHOTS);
            log.info(
                    "dashboards of {} units frozen as of {} (due {}){}",
                    units.size(),
                    period,
                    dueDate,
                    late ? ", late" : "");
            return true;
        } catch (RuntimeException e) {
            // give the claim back at once, so the next check tries again instead of waiting for the lease
            leases.release(lease);
            throw e;
        }
    }

    /**
     * Every unit with figures of the year (the read model holds a document for each unit and ancestor an event touched)
     * and every unit of the registry, so a unit without figures still shows what its subtree had.
     */
    Set<String> units(int year) {
        Set<String> units = new TreeSet<>(reads.unitsWithFigures(year));
        units.addAll(mongo.findDistinct(
                Query.query(Criteria.where("retired").ne(true)), "path", OrgUnitDirectory.COLLECTION, String.class));
        units.removeIf(u -> !OrgPath.isValid(u));
        return units;
    }

    /**
     * The unit's dashboard frozen at the deadline of {@code asOf}: 400 naming {@code asOf} for a period that is not one
     * of the year's or whose deadline has not passed; 404 outside the caller's scope, for a passed deadline without a
     * complete snapshot, or for a unit that was not known then.
     */
    public FrozenDashboard frozen(OrgScope scope, String unitParam, Integer yearParam, String asOf) {
        OrgPath unit = scope.unitOrOwn(unitParam);
        if (!ReportPeriod.isValid(asOf)) {
            throw new InvalidFieldException(
                    "asOf", "应为填报期次编号,如2026-Q1", "must be a reporting period id such as 2026-Q1");
        }
        ReportPeriod period = ReportPeriod.parse(asOf);
        if (period.year() < 2000 || period.year() > 2100) {
            throw new InvalidFieldException("asOf", "期次年度不正确", "the period's year is out of range");
        }
        int year = yearParam == null ? period.year() : dashboards.yearOr(yearParam);
        if (period.year() != year) {
            throw new InvalidFieldException("asOf", "期次不属于所选年度", "the period is not in the year asked for");
        }
        Document run = mongo.findById(runId(year, period.id()), Document.class, RUNS);
        if (run != null && Status.COMPLETE.name().equals(run.getString("status"))) {
            return frozen(run, unit, period)
                    .orElseThrow(() -> new NotFoundException("单位 " + unit.value() + " 在" + label(period)
                            + "截止时尚无看板数据,没有快照 / no snapshot of " + unit.value() + " as of " + period.id()));
        }
        ReportSchedule schedule = schedules.of(year);
        if (!schedule.includes(period)) {
            throw new InvalidFieldException(
                    "asOf",
                    "不是" + year + "年填报计划中的期次(" + schedule.frequency().label() + ")",
                    "not a period of the year's reporting schedule");
        }
        LocalDate due = schedule.dueDate(period);
        if (clock.instant().isBefore(deadline(schedule, period))) {
            throw new InvalidFieldException(
                    "asOf",
                    label(period) + "的报送截止日" + due + "尚未过去,还没有截止时的数据",
                    "the deadline of " + period.id() + " (" + due + ") has not passed yet");
        }
        if (run != null) {
            throw new NotFoundException(label(period) + "截止时的看板快照正在生成,请稍后再试 / the snapshot as of " + period.id()
                    + " is being taken; try again shortly");
        }
        throw new NotFoundException(label(period) + "截止时(" + due + ")没有保存看板快照,当时的数据无法还原 / no snapshot was taken at the "
                + period.id() + " deadline");
    }

    /** The unit's dashboard frozen at the deadline of {@code asOf} (a valid period of {@code year}), if one was taken. */
    public Optional<FrozenDashboard> frozenIfTaken(OrgPath unit, int year, String asOf) {
        ReportPeriod period = ReportPeriod.parse(asOf);
        Document run = mongo.findById(runId(year, period.id()), Document.class, RUNS);
        if (run == null || !Status.COMPLETE.name().equals(run.getString("status"))) {
            return Optional.empty();
        }
        return frozen(run, unit, period);
    }

    private Optional<FrozenDashboard> frozen(Document run, OrgPath unit, ReportPeriod period) {
        Document frozen = mongo.findOne(
                Query.query(Criteria.where("_id")
                        .is(run.getString("_id") + "|" + unit.value())
                        .and("attempt")
                        .is(run.getString("attempt"))),
                Document.class,
                SNAPSHOTS);
        if (frozen == null) {
            return Optional.empty();
        }
        return Optional.of(
                new FrozenDashboard(json.readValue(frozen.getString("view"), DashboardView.class), info(run, period)));
    }

    /**
     * The year's periods whose deadline has passed, with their snapshot or {@code MISSING}, and any snapshot of a
     * period the schedule no longer has (the schedule was changed after it was taken).
     */
    public List<SnapshotInfo> list(Integer yearParam) {
        int year = dashboards.yearOr(yearParam);
        Map<String, SnapshotInfo> out = new LinkedHashMap<>();
        Map<String, Document> runs = new LinkedHashMap<>();
        mongo.find(Query.query(Criteria.where("year").is(year)), Document.class, RUNS)
                .forEach(r -> runs.put(r.getString("period"), r));
        ReportSchedule schedule = schedules.of(year);
        Instant now = clock.instant();
        for (ReportPeriod p : schedule.periods()) {
            Instant deadline = deadline(schedule, p);
            Document run = runs.remove(p.id());
            if (run != null) {
                out.put(p.id(), info(run, p));
            } else if (!now.isBefore(deadline)) {
                out.put(
                        p.id(),
                        new SnapshotInfo(
                                p.id(),
                                label(p),
                                schedule.dueDate(p),
                                deadline,
                                Status.MISSING,
                                null,
                                null,
                                null,
                                null));
            }
        }
        runs.forEach((id, run) -> {
            if (ReportPeriod.isValid(id)) {
                out.put(id, info(run, ReportPeriod.parse(id)));
            }
        });
        return out.values().stream()
                .sorted((a, b) -> ReportPeriod.parse(a.period()).compareTo(ReportPeriod.parse(b.period())))
                .toList();
    }

    private static SnapshotInfo info(Document run, ReportPeriod period) {
        boolean complete = Status.COMPLETE.name().equals(run.getString("status"));
        return new SnapshotInfo(
                period.id(),
                label(period),
                LocalDate.parse(run.getString("dueDate")),
                instant(run.get("deadline")),
                complete ? Status.COMPLETE : Status.TAKING,
                complete ? instant(run.get("takenAt")) : null,
                complete ? instant(run.get("completedAt")) : null,
                complete ? run.getBoolean("late") : null,
                complete ? run.getInteger("units") : null);
    }

    private static Instant instant(Object value) {
        return value instanceof Date d ? d.toInstant() : null;
    }

    private static String label(ReportPeriod period) {
        return period.label() + period.frequency().label();
    }

    private static String runId(int year, String period) {
        return year + "|" + period;
    }
}
