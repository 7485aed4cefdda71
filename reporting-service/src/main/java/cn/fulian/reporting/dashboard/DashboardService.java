package cn.fulian.reporting.dashboard;

import cn.fulian.events.orgunit.UnitType;
import cn.fulian.events.planning.IndicatorSource;
import cn.fulian.reporting.dashboard.DashboardView.CategoryCount;
import cn.fulian.reporting.dashboard.DashboardView.ChildUnit;
import cn.fulian.reporting.dashboard.DashboardView.PeriodCompleteness;
import cn.fulian.reporting.dashboard.DashboardView.RankingRow;
import cn.fulian.reporting.dashboard.DashboardView.RightsKpis;
import cn.fulian.reporting.dashboard.DashboardView.TaskRow;
import cn.fulian.reporting.dashboard.DashboardView.UnitRef;
import cn.fulian.reporting.period.ReportPeriod;
import cn.fulian.reporting.readmodel.Fixed;
import cn.fulian.reporting.readmodel.ReadModel;
import cn.fulian.reporting.readmodel.TaskFields;
import cn.fulian.reporting.report.ReportSchedule;
import cn.fulian.reporting.report.ScheduleService;
import cn.fulian.starter.orgunit.OrgUnitDirectory;
import cn.fulian.starter.orgunit.OrgUnitInfo;
import cn.fulian.starter.problem.InvalidFieldException;
import cn.fulian.starter.scope.Level;
import cn.fulian.starter.scope.OrgPath;
import cn.fulian.starter.scope.OrgScope;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Reads the dashboard from the read model, by key only: the year's tasks, the unit's own (year, task, unit)
 * documents, its children's (the children are named on the unit's documents and in the org-unit registry), the
 * rights counters of the unit and its children; completeness counters sit on the unit's documents. No aggregation
 * over raw data and no scan: every figure was added up when its event arrived.
 */
@Service
public class DashboardService {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final MongoTemplate mongo;
    private final OrgUnitDirectory directory;
    private final ScheduleService schedules;
    private final Clock clock;

    DashboardService(MongoTemplate mongo, OrgUnitDirectory directory, ScheduleService schedules, Clock clock) {
        this.mongo = mongo;
        this.directory = directory;
        this.schedules = schedules;
        this.clock = clock;
    }

    /** The unit asked for (the caller's own by default), which must be in the caller's scope, else 404. */
    public OrgPath unitFor(OrgScope scope, String unit) {
        if (unit == null || unit.isBlank()) {
            return scope.unit();
        }
        if (!OrgPath.isValid(unit)) {
            throw new InvalidFieldException("unit", "单位编码路径格式不正确", "not a unit path");
        }
        OrgPath path = OrgPath.of(unit);
        scope.requireVisible(path, "单位 / unit " + unit);
        return path;
    }

    public int yearOr(Integer year) {
        if (year == null) {
            return LocalDate.now(clock).getYear();
        }
        if (year < 2000 || year > 2100) {
            throw new InvalidFieldException("year", "年度不正确", "year out of range");
        }
        return year;
    }

    public DashboardView dashboard(OrgScope scope, String unitParam, Integer yearParam) {
        OrgPath unit = unitFor(scope, unitParam);
        int year = yearOr(yearParam);
        return dashboard(unit, year);
    }

    /** The dashboard of a unit already checked to be in scope. */
    public DashboardView dashboard(OrgPath unit, int year) {
        return dashboard(unit, year, LocalDate.now(clock));
    }

    /** The dashboard of a unit already checked to be in scope, with pace and periods counted up to {@code today}. */
    public DashboardView dashboard(OrgPath unit, int year, LocalDate today) {
        Map<String, Document> tasks = tasks(year);
        Map<String, LocalDate> planStarts = planStarts(year);
        LocalDate start = periodStart(year, planStarts);

        List<Document> ownDocs = taskUnits(year, tasks.keySet(), List.of(unit.value()));
        Set<String> childPaths = new TreeSet<>();
        for (Document d : ownDocs) {
            if (d.get(ReadModel.CHILD_UNITS) instanceof List<?> named) {
                named.forEach(c -> childPaths.add((String) c));
            }
        }
        directory.children(unit).forEach(c -> childPaths.add(c.path()));
        List<String> paths = new ArrayList<>();
        paths.add(unit.value());
        paths.addAll(childPaths);
        Sources sources = new Sources(
                yearUnitDocs(ReadModel.RIGHTS, year, paths),
                yearUnitDocs(ReadModel.HONOURS, year, anyHonoursSource(tasks) ? paths : List.of(unit.value())),
                planUnitNames(tasks),
                planStarts);

        List<TaskRow> own = ownDocs.stream()
                .map(d -> row(d, tasks, start, today, sources))
                .filter(r -> r != null)
                .sorted(ROW_ORDER)
                .toList();
        Map<String, List<TaskRow>> byChild = new LinkedHashMap<>();
        for (Document d : taskUnits(year, tasks.keySet(), childPaths)) {
            TaskRow r = row(d, tasks, start, today, sources);
            if (r != null) {
                byChild.computeIfAbsent(d.getString("unitPath"), k -> new ArrayList<>())
                        .add(r);
            }
        }
        List<ChildUnit> children = new ArrayList<>();
        for (String path : childPaths) {
            List<TaskRow> rows = byChild.getOrDefault(path, List.of()).stream()
                    .sorted(ROW_ORDER)
                    .toList();
            children.add(new ChildUnit(ref(OrgPath.of(path)), score(rows), statusCounts(rows), rows));
        }
        Map<String, RightsKpis> rights = rights(unit.value(), childPaths, sources.rights());

        return new DashboardView(
                ref(unit),
                year,
                today,
                clock.instant(),
                own,
                children,
                rankings(children),
                rights.get(unit.value()),
                childPaths.stream().map(rights::get).toList(),
                completeness(year, today, ownDocs, tasks),
                retainedShare(ownDocs, tasks, start, today, sources),
                honours(sources.honours().get(unit.value())),
                unit.selfAndAncestors().stream().map(this::ref).toList());
    }

    /** The unit's honours of the year by kind, from its (year, unit) honours counters. */
    static List<DashboardView.HonourCount> honours(Document doc) {
        if (doc == null || !(doc.get("kinds") instanceof Document kinds)) {
            return List.of();
        }
        List<DashboardView.HonourCount> out = new ArrayList<>();
        for (String kind : new TreeSet<>(kinds.keySet())) {
            if (kinds.get(kind) instanceof Document k) {
                long retained = count(k, "RETAINED");
                long revoked = count(k, "REVOKED");
                long transferred = count(k, "TRANSFERRED");
                out.add(new DashboardView.HonourCount(
                        kind, count(k, "awarded"), retained + revoked + transferred, retained, revoked, transferred));
            }
        }
        return out;
    }

    /**
     * The unit's own share of the tasks where it kept part of a count or amount (本级保留): the retained target against
     * the activities the unit recorded itself.
     */
    private List<TaskRow> retainedShare(
            List<Document> ownDocs, Map<String, Document> tasks, LocalDate start, LocalDate today, Sources sources) {
        Sources none = new Sources(Map.of(), Map.of(), sources.planUnitNames(), sources.planStarts());
        List<TaskRow> rows = new ArrayList<>();
        for (Document d : ownDocs) {
            BigDecimal retained = Fixed.read(d.get("retained"));
            Document task = tasks.get(d.getString("taskId"));
            if (retained == null || retained.signum() == 0 || task == null || !fedByActivities(task)) {
                continue;
            }
            Document own = new Document(d);
            own.put("target", d.get("retained"));
            own.remove("actualDen");
            if (d.get("ownActual") != null) {
                own.put("actual", d.get("ownActual"));
            } else {
                own.remove("actual");
            }
            own.remove("reports");
            TaskRow r = row(own, tasks, start, today, none);
            if (r != null) {
                rows.add(r);
            }
        }
        rows.sort(ROW_ORDER);
        return rows;
    }

    private static boolean fedByActivities(Document task) {
        String kind = task.getString(TaskFields.SOURCE_KIND);
        return kind == null || IndicatorSource.ACTIVITY.equals(kind);
    }

    /**
     * The rights and honours counters of the units a dashboard shows, by unit path, for tasks fed by them; the names
     * of the units whose plans the year's tasks belong to; the day each plan was published, by plan id.
     */
    record Sources(
            Map<String, Document> rights,
            Map<String, Document> honours,
            Map<String, String> planUnitNames,
            Map<String, LocalDate> planStarts) {}

    /** The name of each unit that has a plan among the year's tasks: a handful of lookups, not one per row. */
    private Map<String, String> planUnitNames(Map<String, Document> tasks) {
        Map<String, String> names = new LinkedHashMap<>();
        for (Document task : tasks.values()) {
            String path = task.getString(TaskFields.PLAN_UNIT_PATH);
            if (path != null && OrgPath.isValid(path) && !names.containsKey(path)) {
                names.put(path, directory.nameOf(OrgPath.of(path)));
            }
        }
        return names;
    }

    private static boolean anyHonoursSource(Map<String, Document> tasks) {
        return tasks.values().stream()
                .anyMatch(t -> IndicatorSource.HONOURS.equals(t.getString(TaskFields.SOURCE_KIND)));
    }

    /** (year, unit) documents of a collection by unit path: one lookup by key. */
    private Map<String, Document> yearUnitDocs(String collection, int year, Collection<String> paths) {
        return mongo
                .find(
                        Query.query(Criteria.where("_id")
                                .in(paths.stream()
                                        .map(p -> ReadModel.yearUnitId(year, p))
                                        .toList())),
                        Document.class,
                        collection)
                .stream()
                .collect(Collectors.toMap(d -> d.getString("unitPath"), d -> d, (a, b) -> a));
    }

    /** The (year, task, unit) documents of the given units, by key: one lookup, whatever the size of the year. */
    private List<Document> taskUnits(int year, Set<String> taskIds, Collection<String> unitPaths) {
        if (taskIds.isEmpty() || unitPaths.isEmpty()) {
            return List.of();
        }
        List<String> ids = new ArrayList<>(taskIds.size() * unitPaths.size());
        for (String unitPath : unitPaths) {
            for (String taskId : taskIds) {
                ids.add(ReadModel.taskUnitId(year, taskId, unitPath));
            }
        }
        return mongo.find(Query.query(Criteria.where("_id").in(ids)), Document.class, ReadModel.TASK_UNITS);
    }

    private static final Comparator<TaskRow> ROW_ORDER = Comparator.comparing(TaskRow::taskId);

    /** The unit as the registry copy knows it; one not received yet is named by its code and typed by its depth. */
    public UnitRef ref(OrgPath path) {
        Optional<OrgUnitInfo> info = directory.find(path);
        String level =
                info.map(OrgUnitInfo::level).orElse(Level.ofDepth(path.depth()).name());
        UnitType type = info.map(OrgUnitInfo::unitType).orElse(UnitType.derived(level, path.depth()));
        return new UnitRef(
                path.value(), info.map(OrgUnitInfo::name).orElse(path.code()), level, type.name(), type.label());
    }

    private static Query byYear(int year) {
        return Query.query(Criteria.where("year").is(year));
    }

    /** The year's tasks by id (a few hundred at most). */
    public Map<String, Document> tasks(int year) {
        return mongo.find(byYear(year), Document.class, ReadModel.TASKS).stream()
                .collect(Collectors.toMap(d -> d.getString("_id"), d -> d));
    }

    /**
     * The day each of the year's plans was published, by plan id: a task's pace is counted from its own plan's
     * publication (a district that publishes its own plan in March is not behind on it in February).
     */
    Map<String, LocalDate> planStarts(int year) {
        ZoneId zone = clock.getZone();
        Map<String, LocalDate> starts = new LinkedHashMap<>();
        for (Document p : mongo.find(byYear(year), Document.class, ReadModel.PLANS)) {
            if (p.get("publishedAt") instanceof Date d) {
                LocalDate day = d.toInstant().atZone(zone).toLocalDate();
                if (day.getYear() == year) {
                    starts.put(p.getString("_id"), day);
                }
            }
        }
        return starts;
    }

    /** The first publication of the year (the pace of a task whose plan is not known yet), or 1 January. */
    private static LocalDate periodStart(int year, Map<String, LocalDate> planStarts) {
        return planStarts.values().stream().min(Comparator.naturalOrder()).orElse(LocalDate.of(year, 1, 1));
    }

    /**
     * A task row from a (year, task, unit) document, or null for a cancelled task or assignment, or no task yet. The
     * actual comes from the task's source ({@link SourceActual}); where the source has recorded nothing, an approved
     * report's value stands in, and a ceiling, a rate or a reported figure with neither has no value: 无数据, excluded
     * from scores and rankings, never "met by default".
     */
    TaskRow row(Document d, Map<String, Document> tasks, LocalDate start, LocalDate today, Sources sources) {
        Document task = tasks.get(d.getString("taskId"));
        if (task == null
                || Boolean.TRUE.equals(task.getBoolean("cancelled"))
                || Boolean.TRUE.equals(d.getBoolean("cancelled"))) {
            return null;
        }
        String unitPath = d.getString("unitPath");
        String planUnitPath = task.getString(TaskFields.PLAN_UNIT_PATH);
        if (planUnitPath != null && !isAtOrBelow(unitPath, planUnitPath)) {
            // an ancestor of the plan's unit only holds roll-up counters of a task it neither set nor was given
            return null;
        }
        String kind = task.getString("kind");
        String direction = task.getString("direction");
        BigDecimal target = Fixed.read(d.get("target"));
        Latest reported = latest(d, false);
        Latest approved = latest(d, true);
        SourceActual.Measured measured = SourceActual.of(
                task,
                d,
                sources.rights().get(unitPath),
                sources.honours().get(unitPath),
                OrgPath.isValid(unitPath) ? OrgPath.of(unitPath).depth() : 1);
        BigDecimal numerator = measured.numerator();
        BigDecimal denominator = measured.denominator();
        boolean rate = "RATE".equals(kind);
        BigDecimal actual;
        if (!measured.hasData() && !measured.suppressed() && approved != null && approved.value() != null) {
            actual = approved.value(); // an approved report confirms what no source measured
            numerator = rate ? null : actual;
            denominator = null;
        } else if (!measured.hasData()
                && ("AT_MOST".equals(direction) || rate || SourceActual.reportedOnly(task) || measured.suppressed())) {
            actual = null;
        } else if (rate) {
            actual = denominator == null || denominator.signum() == 0 ? null : Pace.percent(numerator, denominator);
        } else {
            actual = numerator;
        }
        String dueText = d.getString("dueDate") != null ? d.getString("dueDate") : task.getString("dueDate");
        LocalDate due = dueText == null ? null : LocalDate.parse(dueText);
        LocalDate planStart = sources.planStarts().getOrDefault(task.getString("planId"), start);
        LocalDate from = due != null && planStart.isAfter(due) ? due : planStart;
        Pace.Figures pace = actual == null ? Pace.noData() : Pace.of(kind, direction, target, actual, from, due, today);

        return new TaskRow(
                d.getString("taskId"),
                task.getString("workArea"),
                task.getString("title"),
                task.getString("indicatorName"),
                task.getString("indicatorUnit"),
                kind,
                direction,
                d.getString("assignmentId"),
                target,
                actual,
                numerator,
                rate ? denominator : null,
                reported == null ? null : reported.value(),
                reported == null ? null : reported.period(),
                approved == null ? null : approved.value(),
                approved == null ? null : approved.period(),
                pace.completionPercent(),
                pace.expectedByNow(),
                pace.status(),
                pace.status().label(),
                pace.projected(),
                due,
                d.get("acknowledgedAt") instanceof Date at ? at.toInstant() : null,
                sourceOf(task),
                planUnitPath,
                planUnitPath == null ? null : planUnitPath.equals(unitPath) ? TaskRow.OWN : TaskRow.ALLOCATED,
                planUnitPath == null ? null : sources.planUnitNames().get(planUnitPath));
    }

    private static boolean isAtOrBelow(String unitPath, String other) {
        return unitPath != null
                && OrgPath.isValid(unitPath)
                && OrgPath.isValid(other)
                && OrgPath.of(unitPath).isAtOrBelow(OrgPath.of(other));
    }

    private static String sourceOf(Document task) {
        String kind = task.getString(TaskFields.SOURCE_KIND);
        return kind == null ? IndicatorSource.ACTIVITY : kind;
    }

    private record Latest(String period, BigDecimal value) {}

    /** The latest period's submitted (or approved) value; a returned report is not a reported value. */
    private static Latest latest(Document d, boolean approvedOnly) {
        if (!(d.get("reports") instanceof Document reports)) {
            return null;
        }
        Latest best = null;
        ReportPeriod bestPeriod = null;
        for (Map.Entry<String, Object> e : reports.entrySet()) {
            if (!ReportPeriod.isValid(e.getKey()) || !(e.getValue() instanceof Document r)) {
                continue;
            }
            String status = r.getString("status");
            boolean counts =
                    approvedOnly ? "APPROVED".equals(status) : "SUBMITTED".equals(status) || "APPROVED".equals(status);
            if (!counts) {
                continue;
            }
            ReportPeriod p = ReportPeriod.parse(e.getKey());
            if (bestPeriod == null || p.compareTo(bestPeriod) > 0) {
                bestPeriod = p;
                Object v = approvedOnly ? r.get("approvedValue") : r.get("value");
                best = new Latest(e.getKey(), Fixed.read(v));
            }
        }
        return best;
    }

    /** Mean completion over the rows with a completion figure, each capped at 100 %, one decimal; null if none. */
    static BigDecimal score(List<TaskRow> rows) {
        List<BigDecimal> values = rows.stream()
                .map(TaskRow::completionPercent)
                .filter(v -> v != null)
                .map(v -> v.min(HUNDRED))
                .toList();
        if (values.isEmpty()) {
            return null;
        }
        BigDecimal sum = values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return sum.divide(BigDecimal.valueOf(values.size()), 1, RoundingMode.HALF_UP);
    }

    private static Map<PaceStatus, Long> statusCounts(List<TaskRow> rows) {
        Map<PaceStatus, Long> counts = new EnumMap<>(PaceStatus.class);
        for (PaceStatus s : PaceStatus.values()) {
            counts.put(s, rows.stream().filter(r -> r.paceStatus() == s).count());
        }
        return counts;
    }

    /**
     * Children with a score, best first; equal scores share a rank (1, 2, 2, 4). Tasks without data count in no score;
     * each row says how many of the unit's tasks have none.
     */
    static List<RankingRow> rankings(List<ChildUnit> children) {
        List<ChildUnit> ranked = children.stream()
                .filter(c -> c.score() != null)
                .sorted(Comparator.comparing(ChildUnit::score)
                        .reversed()
                        .thenComparing(c -> c.unit().path()))
                .toList();
        List<RankingRow> out = new ArrayList<>();
        for (int i = 0; i < ranked.size(); i++) {
            ChildUnit c = ranked.get(i);
            int rank = i > 0 && ranked.get(i - 1).score().compareTo(c.score()) == 0
                    ? out.get(i - 1).rank()
                    : i + 1;
            Map<PaceStatus, Long> s = c.statusCounts();
            out.add(new RankingRow(
                    rank,
                    c.unit(),
                    c.score(),
                    s.get(PaceStatus.GREEN),
                    s.get(PaceStatus.YELLOW),
                    s.get(PaceStatus.RED),
                    s.get(PaceStatus.OVERDUE),
                    s.get(PaceStatus.NO_DATA)));
        }
        return out;
    }

    /** Rights KPIs of the unit's subtree for the year. */
    public RightsKpis rights(OrgPath unit, int year) {
        return rights(unit.value(), List.of(), yearUnitDocs(ReadModel.RIGHTS, year, List.of(unit.value())))
                .get(unit.value());
    }

    /** Rights KPIs of a unit and of other units, by unit path, from their (year, unit) counters. */
    private Map<String, RightsKpis> rights(String unit, Collection<String> others, Map<String, Document> docs) {
        List<String> paths = new ArrayList<>();
        paths.add(unit);
        paths.addAll(others);
        Map<String, RightsKpis> out = new LinkedHashMap<>();
        for (String p : paths) {
            out.put(p, rights(OrgPath.of(p), docs.get(p)));
        }
        return out;
    }

    private RightsKpis rights(OrgPath unit, Document d) {
        Document doc = d == null ? new Document() : d;
        long received = count(doc, "received");
        long closed = count(doc, "closed");
        long onTime = count(doc, "closedOnTime");
        long followUps = count(doc, "followUps");
        long satisfactionSum = count(doc, "satisfactionSum");
        long satisfied = count(doc, "satisfied");
        List<CategoryCount> categories = new ArrayList<>();
        if (doc.get("categories") instanceof Document cats) {
            for (String category : new TreeSet<>(cats.keySet())) {
                Document c = (Document) cats.get(category);
                long catReceived = count(c, "received");
                if (RightsRules.suppress(category, unit.depth(), catReceived)) {
                    categories.add(new CategoryCount(category, null, null, null, true));
                } else {
                    categories.add(
                            new CategoryCount(category, catReceived, count(c, "closed"), count(c, "overdue"), false));
                }
            }
        }
        return new RightsKpis(
                ref(unit),
                received,
                closed,
                onTime,
                count(doc, "overdue"),
                count(doc, "reopened"),
                count(doc, "repeat"),
                received == 0 ? null : Pace.percent(BigDecimal.valueOf(closed), BigDecimal.valueOf(received)),
                closed == 0 ? null : Pace.percent(BigDecimal.valueOf(onTime), BigDecimal.valueOf(closed)),
                followUps,
                followUps == 0
                        ? null
                        : BigDecimal.valueOf(satisfactionSum)
                                .divide(BigDecimal.valueOf(followUps), 2, RoundingMode.HALF_UP),
                followUps == 0 ? null : Pace.percent(BigDecimal.valueOf(satisfied), BigDecimal.valueOf(followUps)),
                categories);
    }

    /**
     * For each period of the year that has begun: reports owed in the unit's subtree (every active assignment that
     * has a parent to report to), submitted (awaiting review or approved), on time, approved. The counters were moved
     * on the unit's (year, task, unit) documents as assignments and reports changed; a cancelled task counts nothing.
     */
    public List<PeriodCompleteness> completeness(OrgPath unit, int year, LocalDate today) {
        Map<String, Document> tasks = tasks(year);
        return completeness(year, today, taskUnits(year, tasks.keySet(), List.of(unit.value())), tasks);
    }

    private List<PeriodCompleteness> completeness(
            int year, LocalDate today, List<Document> ownDocs, Map<String, Document> tasks) {
        ReportSchedule schedule = schedules.of(year);
        List<Document> counted = ownDocs.stream()
                .filter(d -> {
                    Document task = tasks.get(d.getString("taskId"));
                    return task == null || !Boolean.TRUE.equals(task.getBoolean("cancelled"));
                })
                .toList();
        long expected = counted.stream()
                .mapToLong(d -> count(d, ReadModel.EXPECTED_REPORTS))
                .sum();
        List<PeriodCompleteness> out = new ArrayList<>();
        for (ReportPeriod p : schedule.periods()) {
            if (p.start().isAfter(today)) {
                break;
            }
            long submitted = 0;
            long onTime = 0;
            long approved = 0;
            for (Document d : counted) {
                if (d.get(ReadModel.REPORT_COUNTS) instanceof Document all && all.get(p.id()) instanceof Document c) {
                    submitted += count(c, "submitted");
                    onTime += count(c, "onTime");
                    approved += count(c, "approved");
                }
            }
            out.add(new PeriodCompleteness(
                    p.id(),
                    p.label() + schedule.frequency().label(),
                    schedule.dueDate(p),
                    expected,
                    submitted,
                    onTime,
                    approved,
                    expected == 0 ? null : Pace.percent(BigDecimal.valueOf(submitted), BigDecimal.valueOf(expected)),
                    expected == 0 ? null : Pace.percent(BigDecimal.valueOf(onTime), BigDecimal.valueOf(expected))));
        }
        return out;
    }

    private static long count(Document d, String field) {
        return d.get(field) instanceof Number n ? n.longValue() : 0L;
    }

    private static BigDecimal orZero(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }
}
