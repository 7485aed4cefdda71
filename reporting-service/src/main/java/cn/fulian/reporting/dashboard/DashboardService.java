package cn.fulian.reporting.dashboard;

import cn.fulian.events.orgunit.UnitType;
import cn.fulian.events.planning.IndicatorSource;
import cn.fulian.reporting.dashboard.DashboardView.ChildSummary;
import cn.fulian.reporting.dashboard.DashboardView.PeriodCompleteness;
import cn.fulian.reporting.dashboard.DashboardView.RightsKpis;
import cn.fulian.reporting.dashboard.DashboardView.TaskRow;
import cn.fulian.reporting.dashboard.DashboardView.UnitRef;
import cn.fulian.reporting.dashboard.DashboardView.UnitRows;
import cn.fulian.reporting.period.ScheduleService;
import cn.fulian.reporting.readmodel.HonourCounters;
import cn.fulian.reporting.readmodel.PlanDoc;
import cn.fulian.reporting.readmodel.ReadModelReads;
import cn.fulian.reporting.readmodel.ReadModelReads.UnitAndChildren;
import cn.fulian.reporting.readmodel.RightsCounters;
import cn.fulian.reporting.readmodel.TaskDoc;
import cn.fulian.reporting.readmodel.TaskUnitDoc;
import cn.fulian.starter.orgunit.OrgUnitDirectory;
import cn.fulian.starter.orgunit.OrgUnitDirectory.Registry;
import cn.fulian.starter.orgunit.OrgUnitInfo;
import cn.fulian.starter.problem.InvalidFieldException;
import cn.fulian.starter.scope.Level;
import cn.fulian.starter.scope.OrgPath;
import cn.fulian.starter.scope.OrgScope;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Reads the dashboard from the read model, by key only: the year's tasks, the unit's own (year, task, unit)
 * documents, its children's (the children are named on the unit's documents and in the org-unit registry), the
 * rights counters of the unit and its children; completeness counters sit on the unit's documents. No aggregation
 * over raw data and no scan: every figure was added up when its event arrived. The figures themselves are worked out
 * by {@link TaskRows}, {@link Scores}, {@link RightsFigures} and {@link Completeness}.
 *
 * <p>A unit's dashboard carries its own rows and a summary per child; a child's rows come on request ({@link #rows}).
 */
@Service
public class DashboardService {

    private final ReadModelReads reads;
    private final OrgUnitDirectory directory;
    private final ScheduleService schedules;
    private final Clock clock;

    DashboardService(ReadModelReads reads, OrgUnitDirectory directory, ScheduleService schedules, Clock clock) {
        this.reads = reads;
        this.directory = directory;
        this.schedules = schedules;
        this.clock = clock;
    }

    /** The year asked for, this year by default; 400 naming {@code year} when out of range. */
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
        return dashboard(scope.unitOrOwn(unitParam), yearOr(yearParam));
    }

    /** The dashboard of a unit already checked to be in scope. */
    public DashboardView dashboard(OrgPath unit, int year) {
        return dashboard(unit, year, LocalDate.now(clock));
    }

    /** The dashboard of a unit already checked to be in scope, with pace and periods counted up to {@code today}. */
    public DashboardView dashboard(OrgPath unit, int year, LocalDate today) {
        return view(unit, year, today, read(unit, year, today));
    }

    /** A dashboard and its children's full rows, read once (the workbook export shows both). */
    public record WithChildRows(DashboardView view, List<UnitRows> children) {}

    public WithChildRows withChildRows(OrgScope scope, String unitParam, Integer yearParam) {
        OrgPath unit = scope.unitOrOwn(unitParam);
        int year = yearOr(yearParam);
        LocalDate today = LocalDate.now(clock);
        Shown shown = read(unit, year, today);
        List<UnitRows> children = new ArrayList<>();
        shown.childRows()
                .forEach((path, rows) ->
                        children.add(new UnitRows(ref(shown.registry(), OrgPath.of(path)), year, rows)));
        return new WithChildRows(view(unit, year, today, shown), children);
    }

    private DashboardView view(OrgPath unit, int year, LocalDate today, Shown shown) {
        List<ChildSummary> children = new ArrayList<>();
        Registry registry = shown.registry();
        Map<String, UnitRef> refs = new LinkedHashMap<>();
        shown.childRows().keySet().forEach(p -> refs.put(p, ref(registry, OrgPath.of(p))));
        shown.childRows().forEach((path, rows) -> children.add(Scores.summary(refs.get(path), rows)));
        UnitRef self = ref(registry, unit);
        RightsKpis own = kpis(self, unit, shown.rights());
        List<RightsKpis> childRights = shown.childRows().keySet().stream()
                .map(p -> kpis(refs.get(p), OrgPath.of(p), shown.rights()))
                .toList();
        return new DashboardView(
                self,
                year,
                today,
                clock.instant(),
                shown.rows().rows(shown.ownDocs()),
                children,
                Scores.rankings(children),
                own,
                childRights,
                Completeness.of(
                        schedules.of(year), today, shown.ownDocs(), shown.rows().tasks()),
                shown.rows().retainedShare(shown.ownDocs()),
                RightsFigures.honours(shown.rows().honours().getOrDefault(unit.value(), HonourCounters.NONE)),
                unit.selfAndAncestors().stream().map(p -> ref(registry, p)).toList());
    }

    /** A unit's own task rows, as its parent's dashboard summarises them: the child's rows on request. */
    public UnitRows rows(OrgScope scope, String unitParam, Integer yearParam) {
        OrgPath unit = scope.unitOrOwn(unitParam);
        int year = yearOr(yearParam);
        LocalDate today = LocalDate.now(clock);
        Map<String, TaskDoc> tasks = reads.tasks(year);
        List<TaskUnitDoc> docs = reads.taskRows(year, tasks.keySet(), List.of(unit.value()));
        Registry registry = directory.registry();
        TaskRows rows = taskRows(year, tasks, today, List.of(unit.value()), registry);
        return new UnitRows(ref(registry, unit), year, rows.rows(docs));
    }

    /** What one dashboard shows, read with one lookup per collection: the unit's documents and its children's rows. */
    private record Shown(
            Registry registry,
            TaskRows rows,
            List<TaskUnitDoc> ownDocs,
            Map<String, List<TaskRow>> childRows,
            Map<String, RightsCounters> rights) {}

    private Shown read(OrgPath unit, int year, LocalDate today) {
        Map<String, TaskDoc> tasks = reads.tasks(year);
        Registry registry = directory.registry();
        UnitAndChildren docs = reads.unitAndChildren(
                year,
                tasks.keySet(),
                unit,
                registry.children(unit).stream().map(OrgUnitInfo::path).toList());
        List<String> paths = new ArrayList<>();
        paths.add(unit.value());
        paths.addAll(docs.children().keySet());
        TaskRows rows = taskRows(year, tasks, today, paths, registry);
        Map<String, List<TaskRow>> childRows = new LinkedHashMap<>();
        docs.children().forEach((path, childDocs) -> childRows.put(path, rows.rows(childDocs)));
        return new Shown(registry, rows, docs.own(), childRows, rows.rights());
    }

    /** How rows of these units are worked out: the year's plans and the counters their tasks may take figures from. */
    private TaskRows taskRows(
            int year, Map<String, TaskDoc> tasks, LocalDate today, List<String> paths, Registry registry) {
        Map<String, LocalDate> planStarts = planStarts(year);
        LocalDate start =
                planStarts.values().stream().min(Comparator.naturalOrder()).orElse(LocalDate.of(year, 1, 1));
        boolean honoursFeedTasks = tasks.values().stream().anyMatch(t -> IndicatorSource.HONOURS.equals(t.source()));
        return new TaskRows(
                tasks,
                start,
                today,
                reads.rights(year, paths),
                reads.honours(year, honoursFeedTasks ? paths : paths.subList(0, 1)),
                planUnitNames(tasks.values(), registry),
                planStarts);
    }

    private static RightsKpis kpis(UnitRef ref, OrgPath unit, Map<String, RightsCounters> rights) {
        return RightsFigures.kpis(ref, unit.depth(), rights.getOrDefault(unit.value(), RightsCounters.NONE));
    }

    /** The name of each unit that has a plan among the year's tasks: a handful of lookups, not one per row. */
    private static Map<String, String> planUnitNames(Collection<TaskDoc> tasks, Registry registry) {
        Map<String, String> names = new LinkedHashMap<>();
        for (TaskDoc task : tasks) {
            String path = task.planUnitPath();
            if (path != null && OrgPath.isValid(path) && !names.containsKey(path)) {
                names.put(path, registry.nameOf(OrgPath.of(path)));
            }
        }
        return names;
    }

    /**
     * The day each of the year's plans was published, by plan id: a task's pace is counted from its own plan's
     * publication (a district that publishes its own plan in March is not behind on it in February).
     */
    private Map<String, LocalDate> planStarts(int year) {
        ZoneId zone = clock.getZone();
        Map<String, LocalDate> starts = new LinkedHashMap<>();
        for (PlanDoc p : reads.plans(year)) {
            if (p.publishedAt() != null) {
                LocalDate day = p.publishedAt().atZone(zone).toLocalDate();
                if (day.getYear() == year) {
                    starts.put(p.id(), day);
                }
            }
        }
        return starts;
    }

    /** The unit as the registry copy knows it; one not received yet is named by its code and typed by its depth. */
    public UnitRef ref(OrgPath path) {
        return ref(directory.registry(), path);
    }

    private static UnitRef ref(Registry registry, OrgPath path) {
        Optional<OrgUnitInfo> info = registry.find(path);
        String level =
                info.map(OrgUnitInfo::level).orElse(Level.ofDepth(path.depth()).name());
        UnitType type = info.map(OrgUnitInfo::unitType).orElse(UnitType.derived(level, path.depth()));
        return new UnitRef(
                path.value(), info.map(OrgUnitInfo::name).orElse(path.code()), level, type.name(), type.label());
    }

    /** The year's tasks by id (a few hundred at most). */
    public Map<String, TaskDoc> tasks(int year) {
        return reads.tasks(year);
    }

    /** Rights KPIs of the unit's subtree for the year. */
    public RightsKpis rights(OrgPath unit, int year) {
        return kpis(ref(unit), unit, reads.rights(year, List.of(unit.value())));
    }

    /** 填报情况 of the unit's subtree for each period of the year begun by {@code today}. */
    public List<PeriodCompleteness> completeness(OrgPath unit, int year, LocalDate today) {
        Map<String, TaskDoc> tasks = reads.tasks(year);
        return Completeness.of(
                schedules.of(year), today, reads.taskUnits(year, tasks.keySet(), List.of(unit.value())), tasks);
    }
}
