package cn.fulian.store;

import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.NumericUtils;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The update operators the services send most — {@code $set}, {@code $inc}, {@code $min}, {@code $max},
 * {@code $addToSet}, {@code $unset} and {@code $setOnInsert} on plain dotted paths — applied to a document the caller
 * owns, as MongoDB applies them. The server's own update path clones the document twice, compares the clones and
 * encodes both to track the collection's size, several times the work of the change itself; this applies the change
 * in place. Whatever it does not handle exactly (array elements, positional paths, conflicting paths, `_id`, a counter
 * that is not a number, values of different types under {@code $min}) it declines before changing anything, and the
 * caller leaves the update to the server.
 */
final class FieldChanges {

    private static final Set<String> OPERATORS =
            Set.of("$set", "$inc", "$min", "$max", "$addToSet", "$unset", "$setOnInsert");

    private final Document update;

    private FieldChanges(Document update) {
        this.update = update;
    }

    /**
     * The update if every operator and path of it is one handled here, checked before any document is read; null if
     * the server should apply it.
     */
    static FieldChanges of(Document update, String idField) {
        if (update.isEmpty()) {
            return null;
        }
        Set<String> paths = new HashSet<>();
        for (Map.Entry<String, Object> operator : update.entrySet()) {
            if (!OPERATORS.contains(operator.getKey()) || !(operator.getValue() instanceof Document fields)) {
                return null;
            }
            for (String path : fields.keySet()) {
                if (!plain(path) || path.equals(idField) || path.startsWith(idField + ".") || !paths.add(path)) {
                    return null;
                }
            }
        }
        for (String path : paths) {
            // MongoDB refuses an update that changes both a field and a field inside it
            for (int dot = path.indexOf('.'); dot > 0; dot = path.indexOf('.', dot + 1)) {
                if (paths.contains(path.substring(0, dot))) {
                    return null;
                }
            }
        }
        return new FieldChanges(update);
    }

    /** Whether the update changes {@code key} of a stored document, or a field inside or around it. */
    boolean touches(String key) {
        for (Map.Entry<String, Object> operator : update.entrySet()) {
            if (operator.getKey().equals("$setOnInsert")) {
                continue;
            }
            for (String path : ((Document) operator.getValue()).keySet()) {
                if (path.equals(key) || path.startsWith(key + ".") || key.startsWith(path + ".")) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Applies the update to a stored document ({@code $setOnInsert} does nothing there).
     *
     * @return false if the document holds something the update cannot be applied to here (the document is then
     *     partly changed and must be thrown away)
     */
    boolean applyTo(Document document) {
        for (Map.Entry<String, Object> operator : update.entrySet()) {
            Document fields = (Document) operator.getValue();
            for (Map.Entry<String, Object> field : fields.entrySet()) {
                if (!apply(operator.getKey(), document, field.getKey(), field.getValue())) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean apply(String operator, Document document, String path, Object value) {
        if (operator.equals("$setOnInsert")) {
            return true;
        }
        int last = path.lastIndexOf('.');
        String name = path.substring(last + 1);
        Document parent = last < 0 ? document : parentOf(document, path.substring(0, last), !operator.equals("$unset"));
        if (parent == null) {
            // $unset of a path whose parent is absent: nothing to remove; any other: the parent is not a document
            return operator.equals("$unset") && !reachesAnArray(document, path.substring(0, last));
        }
        Object old = parent.containsKey(name) ? parent.get(name) : Missing.getInstance();
        switch (operator) {
            case "$set" -> parent.put(name, value);
            case "$unset" -> parent.remove(name);
            case "$inc" -> {
                if (!(value instanceof Number amount) || !(Missing.isNullOrMissing(old) || old instanceof Number)) {
                    return false;
                }
                parent.put(name, NumericUtils.addNumbers(old instanceof Number n ? n : Integer.valueOf(0), amount));
            }
            case "$min", "$max" -> {
                if (old instanceof Missing) {
                    parent.put(name, value);
                } else if (!sameKind(old, value)) {
                    return false;
                } else {
                    ValueComparator order = operator.equals("$min") ? ValueComparator.asc() : ValueComparator.desc();
                    if (order.compare(value, old) < 0) {
                        parent.put(name, value);
                    }
                }
            }
            case "$addToSet" -> {
                if (!(Missing.isNullOrMissing(old) || old instanceof List<?>)) {
                    return false;
                }
                Collection<?> added = addedValues(value);
                if (added == null) {
                    return false;
                }
                List<Object> list = new ArrayList<>(old instanceof List<?> l ? l : List.of());
                for (Object each : added) {
                    if (!list.contains(each)) {
                        list.add(each);
                    }
                }
                parent.put(name, list);
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /** The values {@code $addToSet} adds: a single value, or each of {@code {$each: [...]}}. */
    private static Collection<?> addedValues(Object value) {
        if (value instanceof Document d
                && !d.isEmpty()
                && d.keySet().iterator().next().equals("$each")) {
            return d.get("$each") instanceof Collection<?> each && d.size() == 1 ? each : null;
        }
        return List.of(value);
    }

    /** The sub-document at {@code path}, made where absent if {@code create}; null where a value that is not one is. */
    private static Document parentOf(Document document, String path, boolean create) {
        Document at = document;
        int from = 0;
        while (from <= path.length()) {
            int dot = path.indexOf('.', from);
            String part = path.substring(from, dot < 0 ? path.length() : dot);
            Object next = at.get(part);
            if (next == null && !at.containsKey(part) && create) {
                next = new Document();
                at.put(part, next);
            }
            if (!(next instanceof Document d)) {
                return null;
            }
            at = d;
            from = dot < 0 ? path.length() + 1 : dot + 1;
        }
        return at;
    }

    /**
     * Whether the walk along {@code path} ends on an array: MongoDB's {@code $unset} reaches into array elements, left
     * to the server. Ending on nothing or on a plain value, there is nothing to remove.
     */
    private static boolean reachesAnArray(Document document, String path) {
        Object at = document;
        int from = 0;
        while (at instanceof Document d && from <= path.length()) {
            int dot = path.indexOf('.', from);
            at = d.get(path.substring(from, dot < 0 ? path.length() : dot));
            from = dot < 0 ? path.length() + 1 : dot + 1;
        }
        return at instanceof List<?>;
    }

    /**
     * Numbers with numbers, strings with strings, dates with dates (decoded from BSON as {@link Instant}): the pairs
     * {@code $min}/{@code $max} compare by value.
     */
    private static boolean sameKind(Object a, Object b) {
        return (a instanceof Number && b instanceof Number)
                || (a instanceof String && b instanceof String)
                || ((a instanceof Instant || a instanceof Date) && (b instanceof Instant || b instanceof Date));
    }

    /**
     * A path of named fields: no empty part, no positional or other operator. (A part that names an array element is
     * found when the array is reached, and declined there.)
     */
    private static boolean plain(String path) {
        if (path.isEmpty() || path.startsWith(".") || path.endsWith(".") || path.contains("..")) {
            return false;
        }
        return !path.startsWith("$") && !path.contains(".$");
    }
}
