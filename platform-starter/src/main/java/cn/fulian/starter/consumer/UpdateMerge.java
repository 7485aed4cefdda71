package cn.fulian.starter.consumer;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Several events' changes to one document as one update, with the effect of applying them one after another:
 * {@code $set} keeps the later value, {@code $inc} adds up, {@code $min}/{@code $max} keep the extreme, {@code $addToSet}
 * collects, {@code $setOnInsert} keeps the first value (it only matters to the write that creates the document).
 * Operators the read models do not use are refused rather than guessed.
 */
final class UpdateMerge {

    private final Map<String, Object> set = new LinkedHashMap<>();
    private final Map<String, Object> setOnInsert = new LinkedHashMap<>();
    private final Set<String> unset = new LinkedHashSet<>();
    private final Map<String, Number> inc = new LinkedHashMap<>();
    private final Map<String, Object> min = new LinkedHashMap<>();
    private final Map<String, Object> max = new LinkedHashMap<>();
    private final Map<String, Set<Object>> addToSet = new LinkedHashMap<>();

    UpdateMerge add(Update update) {
        for (Map.Entry<String, Object> op : update.getUpdateObject().entrySet()) {
            Document fields = (Document) op.getValue();
            switch (op.getKey()) {
                case "$set" ->
                    fields.forEach((k, v) -> {
                        set.put(k, v);
                        unset.remove(k);
                    });
                case "$setOnInsert" -> fields.forEach(setOnInsert::putIfAbsent);
                case "$unset" ->
                    fields.keySet().forEach(k -> {
                        unset.add(k);
                        set.remove(k);
                    });
                case "$inc" -> fields.forEach((k, v) -> inc.merge(k, (Number) v, UpdateMerge::sum));
                case "$min" -> fields.forEach((k, v) -> min.merge(k, v, (a, b) -> compare(a, b) <= 0 ? a : b));
                case "$max" -> fields.forEach((k, v) -> max.merge(k, v, (a, b) -> compare(a, b) >= 0 ? a : b));
                case "$addToSet" ->
                    fields.forEach((k, v) -> {
                        if (v instanceof Update.Modifier) {
                            throw new IllegalArgumentException("$addToSet with a modifier cannot be merged: " + k);
                        }
                        addToSet.computeIfAbsent(k, x -> new LinkedHashSet<>()).add(v);
                    });
                default -> throw new IllegalArgumentException("update operator " + op.getKey() + " cannot be merged");
            }
        }
        return this;
    }

    Update toUpdate() {
        Update u = new Update();
        set.forEach(u::set);
        // a field set anyway is not also set on insert (MongoDB refuses a field under both)
        setOnInsert.forEach((k, v) -> {
            if (!set.containsKey(k) && !unset.contains(k)) {
                u.setOnInsert(k, v);
            }
        });
        unset.forEach(u::unset);
        inc.forEach(u::inc);
        min.forEach(u::min);
        max.forEach(u::max);
        addToSet.forEach((k, values) -> {
            if (values.size() == 1) {
                u.addToSet(k, values.iterator().next());
            } else {
                u.addToSet(k).each(values.toArray());
            }
        });
        return u;
    }

    private static Number sum(Number a, Number b) {
        if (isIntegral(a) && isIntegral(b)) {
            return a.longValue() + b.longValue();
        }
        return a.doubleValue() + b.doubleValue();
    }

    private static boolean isIntegral(Number n) {
        return n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return Double.compare(x.doubleValue(), y.doubleValue());
        }
        return ((Comparable) a).compareTo(b);
    }
}
