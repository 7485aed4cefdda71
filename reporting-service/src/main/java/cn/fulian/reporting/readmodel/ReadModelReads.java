package cn.fulian.reporting.readmodel;

import cn.fulian.starter.consumer.ByIds;
import cn.fulian.starter.scope.OrgPath;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Reads the read model as typed documents, by key: the only reader that knows how the documents are stored. A
 * dashboard's figures are found from the year's tasks and the units it shows, never by aggregating raw data.
 */
@Component
public class ReadModelReads {

    private final MongoTemplate mongo;

    ReadModelReads(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The year's tasks by id (a few hundred at most). */
    public Map<String, TaskDoc> tasks(int year) {
        Map<String, TaskDoc> out = new LinkedHashMap<>();
        mongo.find(byYear(year), Document.class, ReadModel.TASKS).forEach(d -> {
            TaskDoc t = TaskDoc.of(d);
            out.put(t.id(), t);
        });
        return out;
    }

    /** These tasks by id, whatever their year. */
    public Map<String, TaskDoc> tasks(Collection<String> ids) {
        Map<String, TaskDoc> out = new LinkedHashMap<>();
        ByIds.find(mongo, ReadModel.TASKS, List.copyOf(ids), List.of()).forEach(d -> {
            TaskDoc t = TaskDoc.of(d);
            out.put(t.id(), t);
        });
        return out;
    }

    public Optional<TaskDoc> task(String id) {
        return Optional.ofNullable(mongo.findById(id, Document.class, ReadModel.TASKS))
                .map(TaskDoc::of);
    }

    /** The year's published plans. */
    public List<PlanDoc> plans(int year) {
        return mongo.find(byYear(year), Document.class, ReadModel.PLANS).stream()
                .map(PlanDoc::of)
                .toList();
    }

    /**
     * What a task row needs of a (year, task, unit) document: no offsets, children, children's figures or completeness
     * counters.
     */
    private static final List<String> ROW_FIELDS = List.of(
            "taskId",
            "unitPath",
            "assignmentId",
            "target",
            "actual",
            "actualDen",
            "dueDate",
            "acknowledgedAt",
            "cancelled",
            "reports");

    /** The (year, task, unit) documents of these units for these tasks, by key: one lookup. */
    public List<TaskUnitDoc> taskUnits(int year, Collection<String> taskIds, Collection<String> unitPaths) {
        return taskUnits(year, taskIds, unitPaths, List.of());
    }

    /**
     * The same documents with only what their task rows show (a child's rows, a dashboard's summaries): the offsets
     * and counters a unit's own dashboard reads stay in the store.
     */
    public List<TaskUnitDoc> taskRows(int year, Collection<String> taskIds, Collection<String> unitPaths) {
        return taskUnits(year, taskIds, unitPaths, ROW_FIELDS);
    }

    private List<TaskUnitDoc> taskUnits(
            int year, Collection<String> taskIds, Collection<String> unitPaths, List<String> fields) {
        return taskUnitDocuments(year, taskIds, unitPaths, fields).stream()
                .map(TaskUnitDoc::of)
                .toList();
    }

    private List<Document> taskUnitDocuments(
            int year, Collection<String> taskIds, Collection<String> unitPaths, List<String> fields) {
        if (taskIds.isEmpty() || unitPaths.isEmpty()) {
            return List.of();
        }
        List<Object> ids = new ArrayList<>(taskIds.size() * unitPaths.size());
        for (String unitPath : unitPaths) {
            for (String taskId : taskIds) {
                ids.add(ReadModel.taskUnitId(year, taskId, unitPath));
            }
        }
        return ByIds.find(mongo, ReadModel.TASK_UNITS, ids, fields);
    }

    /** A unit's (year, task, unit) documents, and its children's rows by child path (in path order). */
    public record UnitAndChildren(List<TaskUnitDoc> own, Map<String, List<TaskUnitDoc>> children) {}

    /**
     * The unit's documents of these tasks and what its children's rows show: read from the children's figures kept on
     * the unit's own documents ({@link ReadModel#CHILD_FIGURES}), one document per task; in a read model written
     * before those were kept, from the children's documents, by key.
     *
     * @param alsoChildren children shown even where no document names them (the org-unit registry's)
     */
    public UnitAndChildren unitAndChildren(
            int year, Collection<String> taskIds, OrgPath unit, Collection<String> alsoChildren) {
        List<Document> raw = taskUnitDocuments(year, taskIds, List.of(unit.value()), List.of());
        List<TaskUnitDoc> own = raw.stream().map(TaskUnitDoc::of).toList();
        Set<String> childPaths = new TreeSet<>(alsoChildren);
        own.forEach(d -> childPaths.addAll(d.childUnits()));
        Map<String, List<TaskUnitDoc>> children = new LinkedHashMap<>();
        childPaths.forEach(p -> children.put(p, new ArrayList<>()));
        if (childFiguresKept()) {
            for (Document d : raw) {
                TaskUnitDoc.childFiguresOf(d).forEach((path, doc) -> {
                    List<TaskUnitDoc> docs = children.get(path);
                    if (docs != null) {
                        docs.add(doc);
                    }
                });
            }
        } else {
            for (TaskUnitDoc d : taskRows(year, taskIds, childPaths)) {
                children.get(d.unitPath()).add(d);
            }
        }
        return new UnitAndChildren(own, children);
    }

    /** Whether the stored documents keep their children's figures (a read model written or rebuilt since they do). */
    boolean childFiguresKept() {
        Document shape = mongo.findById(ReadModelIndexes.SHAPE_ID, Document.class, ReadModel.SHAPE);
        return shape != null && Boolean.TRUE.equals(shape.getBoolean(ReadModel.CHILD_FIGURES));
    }

    public Optional<TaskUnitDoc> taskUnit(int year, String taskId, String unitPath) {
        return Optional.ofNullable(mongo.findById(
                        ReadModel.taskUnitId(year, taskId, unitPath), Document.class, ReadModel.TASK_UNITS))
                .map(TaskUnitDoc::of);
    }

    /** Rights counters of these units for the year, by unit path; a unit with no case has none. */
    public Map<String, RightsCounters> rights(int year, Collection<String> unitPaths) {
        Map<String, RightsCounters> out = new LinkedHashMap<>();
        yearUnitDocs(ReadModel.RIGHTS, year, unitPaths).forEach((path, d) -> out.put(path, RightsCounters.of(d)));
        return out;
    }

    /** Honours counters of these units for the year, by unit path. */
    public Map<String, HonourCounters> honours(int year, Collection<String> unitPaths) {
        Map<String, HonourCounters> out = new LinkedHashMap<>();
        yearUnitDocs(ReadModel.HONOURS, year, unitPaths).forEach((path, d) -> out.put(path, HonourCounters.of(d)));
        return out;
    }

    /** The assignment if its allocation is known. */
    public Optional<AssignmentDoc> assignment(String id) {
        return Optional.ofNullable(mongo.findById(id, Document.class, ReadModel.ASSIGNMENTS))
                .map(AssignmentDoc::of)
                .filter(AssignmentDoc::known);
    }

    /** The year's active assignments that report to a parent, in units matching {@code unitRegex}, by unit and task. */
    public List<AssignmentDoc> reportingAssignments(int year, String unitRegex) {
        return mongo
                .find(
                        Query.query(Criteria.where("year")
                                        .is(year)
                                        .and("unitPath")
                                        .regex(unitRegex)
                                        .and("parentAssignmentId")
                                        .ne(null)
                                        .and("cancelled")
                                        .ne(true))
                                .with(Sort.by("unitPath", "taskId")),
                        Document.class,
                        ReadModel.ASSIGNMENTS)
                .stream()
                .map(AssignmentDoc::of)
                .toList();
    }

    /**
     * The assignments of one task at {@code top} and below, found down the task's tree of (year, task, unit) documents
     * level by level ({@link ReadModel#CHILD_UNITS} names the children that hold one), each level read by key: the
     * assignments of one task, never the year's.
     */
    public List<AssignmentDoc> assignmentsDown(int year, String taskId, OrgPath top) {
        List<Object> assignmentIds = new ArrayList<>();
        List<Object> level = List.of(ReadModel.taskUnitId(year, taskId, top.value()));
        while (!level.isEmpty()) {
            List<Object> next = new ArrayList<>();
            for (Document d :
                    ByIds.find(mongo, ReadModel.TASK_UNITS, level, List.of("assignmentId", ReadModel.CHILD_UNITS))) {
                if (d.getString("assignmentId") != null) {
                    assignmentIds.add(d.getString("assignmentId"));
                }
                Docs.strings(d, ReadModel.CHILD_UNITS)
                        .forEach(child -> next.add(ReadModel.taskUnitId(year, taskId, child)));
            }
            level = next;
        }
        return ByIds.find(mongo, ReadModel.ASSIGNMENTS, assignmentIds, List.of()).stream()
                .map(AssignmentDoc::of)
                .filter(a -> taskId.equals(a.taskId()))
                .toList();
    }

    /** Every unit with figures of the year: a (year, task, unit) or rights document (distinct values: a scan). */
    public Set<String> unitsWithFigures(int year) {
        Set<String> units = new TreeSet<>();
        units.addAll(mongo.findDistinct(byYear(year), "unitPath", ReadModel.TASK_UNITS, String.class));
        units.addAll(mongo.findDistinct(byYear(year), "unitPath", ReadModel.RIGHTS, String.class));
        return units;
    }

    private Map<String, Document> yearUnitDocs(String collection, int year, Collection<String> unitPaths) {
        Map<String, Document> out = new LinkedHashMap<>();
        List<Object> ids = unitPaths.stream()
                .map(p -> (Object) ReadModel.yearUnitId(year, p))
                .toList();
        for (Document d : ByIds.find(mongo, collection, ids, Set.of())) {
            out.putIfAbsent(d.getString("unitPath"), d);
        }
        return out;
    }

    private static Query byYear(int year) {
        return Query.query(Criteria.where("year").is(year));
    }
}
