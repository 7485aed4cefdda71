package cn.fulian.reporting.readmodel;

import cn.fulian.starter.consumer.ConsumedEvent;
import cn.fulian.starter.consumer.ReadModelWriter;
import cn.fulian.starter.scope.OrgPath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.bson.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;

/**
 * All the changes one event makes, merged into one update per document. The offset guard lets one update per event
 * through to a document, so two changes to the same document (a township and its district both rolled up from one
 * activity linked twice) must travel together. The changes are staged in the poll's {@link ReadModelSession}, which
 * writes them with the other events' changes; what a projection reads, it reads through here, so it sees every
 * earlier event of the poll applied.
 */
final class UpdateBatch {

    record DocKey(String collection, String id) {}

    /** A state change made only after the counters moved, unguarded (see {@link #markAfter}). */
    record Mark(DocKey doc, Update update) {}

    private final ReadModelSession session;
    private final Map<DocKey, Update> updates = new LinkedHashMap<>();
    private final Map<DocKey, Map<String, Long>> increments = new LinkedHashMap<>();
    private final Map<DocKey, Criteria> requirements = new LinkedHashMap<>();
    private final Map<Integer, Set<String>> touchedUnits = new LinkedHashMap<>();
    private final List<Mark> marks = new ArrayList<>();
    private final Map<String, TaskUnitKey> taskUnits = new LinkedHashMap<>();

    /** What a (year, task, unit) document's id says. */
    private record TaskUnitKey(int year, String taskId, OrgPath unit) {}

    /** The fields of a (year, task, unit) document that its parent's {@link ReadModel#CHILD_FIGURES} repeat. */
    private static final Set<String> CHILD_ROW_FIELDS =
            Set.of("assignmentId", "target", "dueDate", "acknowledgedAt", "cancelled");

    private static final Set<String> CHILD_COUNTERS = Set.of("actual", "actualDen");

    /** Of each {@code reports.<period>}: what a row shows. */
    private static final Set<String> CHILD_REPORT_FIELDS = Set.of("status", "value", "approvedValue");

    UpdateBatch(ReadModelSession session) {
        this.session = session;
    }

    /** The document as earlier events of the poll left it; null if there is none. */
    Document find(String collection, String id) {
        return session.find(new DocKey(collection, id));
    }

    /**
     * Runs a write that cannot wait for the flush (an atomic read-and-change), after the poll's earlier changes to
     * the same document are written.
     */
    <T> T writeNow(String collection, String id, Supplier<T> write) {
        return session.writeNow(new DocKey(collection, id), write);
    }

    Update on(String collection, String id) {
        return updates.computeIfAbsent(new DocKey(collection, id), k -> new Update());
    }

    /**
     * The change to a document that is written only if the document still meets {@code required} then: if it no
     * longer does, the poll's flush fails as on a concurrent change, and the poll is applied again one event at a time,
     * each event reading the document as it is by then.
     */
    Update onRequiring(String collection, String id, Criteria required) {
        DocKey key = new DocKey(collection, id);
        requirements.put(key, required);
        return updates.computeIfAbsent(key, k -> new Update());
    }

    /**
     * The per-(year, task, unit) document, with the attributes every such document carries set on it, so a document
     * first created by an activity roll-up can still be found by unit and parent.
     */
    Update taskUnit(int year, String taskId, OrgPath unit) {
        String id = ReadModel.taskUnitId(year, taskId, unit.value());
        taskUnits.putIfAbsent(id, new TaskUnitKey(year, taskId, unit));
        Update u = on(ReadModel.TASK_UNITS, id);
        if (!u.modifies("unitPath")) {
            // what the key says already: written once, by the write that creates the document
            u.setOnInsert("year", year)
                    .setOnInsert("taskId", taskId)
                    .setOnInsert("unitPath", unit.value())
                    .setOnInsert("parentPath", ReadModel.parentOf(unit))
                    .setOnInsert("depth", unit.depth());
        }
        touch(year, unit);
        return u;
    }

    /**
     * Names the unit among its parent's children on the parent's document of the task, so a drill-down finds the
     * children's documents by key. Free when the parent's document changes in the same event anyway (roll-ups).
     */
    void childOf(int year, String taskId, OrgPath unit) {
        if (!unit.isRoot()) {
            taskUnit(year, taskId, unit.parent()).addToSet(ReadModel.CHILD_UNITS, unit.value());
        }
    }

    /** Adds to a counter on the (year, task, unit) document of the unit and of each of its ancestors. */
    void incUp(int year, String taskId, OrgPath unit, String field, long amount) {
        if (amount == 0) {
            return;
        }
        for (OrgPath p : unit.selfAndAncestors()) {
            taskUnit(year, taskId, p);
            inc(ReadModel.TASK_UNITS, ReadModel.taskUnitId(year, taskId, p.value()), field, amount);
        }
    }

    Update yearUnit(String collection, int year, OrgPath unit) {
        Update u = on(collection, ReadModel.yearUnitId(year, unit.value()));
        if (!u.modifies("unitPath")) {
            u.setOnInsert("year", year)
                    .setOnInsert("unitPath", unit.value())
                    .setOnInsert("parentPath", ReadModel.parentOf(unit))
                    .setOnInsert("depth", unit.depth());
        }
        touch(year, unit);
        return u;
    }

    /** Adds to a counter; several additions to the same counter in one event are summed, not overwritten. */
    void inc(String collection, String id, String field, long amount) {
        DocKey key = new DocKey(collection, id);
        updates.computeIfAbsent(key, k -> new Update());
        increments.computeIfAbsent(key, k -> new LinkedHashMap<>()).merge(field, amount, Long::sum);
    }

    void touch(int year, OrgPath unit) {
        touchedUnits.computeIfAbsent(year, y -> new LinkedHashSet<>()).add(unit.value());
    }

    boolean isEmpty() {
        return updates.isEmpty();
    }

    /**
     * Changes a document once every guarded update of the poll is in (marking state that must only change after the
     * counters did): a crash before leaves it unchanged, so the redelivered event computes the same counter changes.
     */
    void markAfter(String collection, String id, Update update) {
        marks.add(new Mark(new DocKey(collection, id), update));
    }

    /** This event's changes, one per document, with its increments folded in. */
    void forEachChange(ConsumedEvent event, BiConsumer<DocKey, ReadModelWriter.Change> to) {
        repeatChildFigures();
        updates.forEach((key, update) -> {
            increments.getOrDefault(key, Map.of()).forEach(update::inc);
            to.accept(key, new ReadModelWriter.Change(key.id(), event, update, requirements.get(key)));
        });
    }

    List<Mark> marks() {
        return marks;
    }

    /** The units whose figures this event changed, by plan year. */
    Map<Integer, Set<String>> touchedUnits() {
        return touchedUnits;
    }

    /**
     * Repeats what this event changed of a child's row on the parent's document of the same task, under the child's
     * code ({@link ReadModel#CHILD_FIGURES}): the parent's document changes in the same event anyway when counters roll
     * up, and its offset guard lets the repeated change through exactly when it lets the parent's own through. A child
     * document changed only in fields no row shows is still named there, so the parent knows every child document.
     */
    private void repeatChildFigures() {
        for (Map.Entry<String, TaskUnitKey> e : List.copyOf(taskUnits.entrySet())) {
            TaskUnitKey child = e.getValue();
            if (child.unit().isRoot()) {
                continue;
            }
            Document ops =
                    updates.get(new DocKey(ReadModel.TASK_UNITS, e.getKey())).getUpdateObject();
            String prefix = ReadModel.CHILD_FIGURES + "." + child.unit().code() + ".";
            Update parent = taskUnit(child.year(), child.taskId(), child.unit().parent());
            boolean repeated = repeat(ops.get("$set"), prefix, parent::set);
            repeated |= repeat(ops.get("$min"), prefix, parent::min);
            String parentId = ReadModel.taskUnitId(
                    child.year(), child.taskId(), child.unit().parent().value());
            for (Map.Entry<String, Long> counter : increments
                    .getOrDefault(new DocKey(ReadModel.TASK_UNITS, e.getKey()), Map.of())
                    .entrySet()) {
                if (CHILD_COUNTERS.contains(counter.getKey())) {
                    inc(ReadModel.TASK_UNITS, parentId, prefix + counter.getKey(), counter.getValue());
                    repeated = true;
                }
            }
            if (!repeated) {
                parent.set(prefix + "known", true);
            }
        }
    }

    /** Repeats under {@code prefix} the fields of one operator ({@code $set}, {@code $min}) that a row shows. */
    private static boolean repeat(Object fields, String prefix, BiConsumer<String, Object> on) {
        boolean repeated = false;
        if (fields instanceof Document operator) {
            for (Map.Entry<String, Object> field : operator.entrySet()) {
                if (shownInARow(field.getKey())) {
                    on.accept(prefix + field.getKey(), field.getValue());
                    repeated = true;
                }
            }
        }
        return repeated;
    }

    private static boolean shownInARow(String field) {
        if (CHILD_ROW_FIELDS.contains(field)) {
            return true;
        }
        String[] parts = field.split("\\.");
        return parts.length == 3 && parts[0].equals("reports") && CHILD_REPORT_FIELDS.contains(parts[2]);
    }
}
