package cn.fulian.reporting.readmodel;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.bson.Document;

/** Reading the values of a stored document the way the projections wrote them. */
final class Docs {

    private Docs() {}

    static long count(Document d, String field) {
        return d != null && d.get(field) instanceof Number n ? n.longValue() : 0L;
    }

    static int integer(Document d, String field) {
        return d.get(field) instanceof Number n ? n.intValue() : 0;
    }

    static LocalDate day(Document d, String field) {
        String text = d.getString(field);
        return text == null ? null : LocalDate.parse(text);
    }

    static Instant instant(Document d, String field) {
        return d.get(field) instanceof Date at ? at.toInstant() : null;
    }

    static List<String> strings(Document d, String field) {
        if (!(d.get(field) instanceof List<?> list)) {
            return List.of();
        }
        return list.stream().map(String.class::cast).toList();
    }

    /** A sub-document of sub-documents (per period, per category, per kind) read into a map by key. */
    static <T> Map<String, T> each(Document d, String field, Function<Document, T> read) {
        if (d == null || !(d.get(field) instanceof Document all)) {
            return Map.of();
        }
        Map<String, T> out = new LinkedHashMap<>();
        all.forEach((key, value) -> {
            if (value instanceof Document sub) {
                out.put(key, read.apply(sub));
            }
        });
        return out;
    }
}
