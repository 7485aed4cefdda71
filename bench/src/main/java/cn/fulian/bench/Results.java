package cn.fulian.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The figures of one run; a figure that could not be measured is null with the reason, never a guess. */
final class Results {

    final Map<String, Object> figures = new LinkedHashMap<>();
    final Map<String, String> unmeasured = new LinkedHashMap<>();
    final Map<String, Object> details = new LinkedHashMap<>();
    final List<String> notes = new ArrayList<>();

    synchronized void put(String key, Object value) {
        figures.put(key, value);
        if (value != null) {
            unmeasured.remove(key);
        }
    }

    synchronized void unmeasured(String key, String reason) {
        figures.put(key, null);
        unmeasured.put(key, reason);
        Log.line("  %s not measured: %s", key, reason);
    }

    synchronized void detail(String key, Object value) {
        details.put(key, value);
    }

    synchronized void note(String text) {
        notes.add(text);
        Log.line("  note: %s", text);
    }

    Double number(String key) {
        return figures.get(key) instanceof Number n ? n.doubleValue() : null;
    }
}
