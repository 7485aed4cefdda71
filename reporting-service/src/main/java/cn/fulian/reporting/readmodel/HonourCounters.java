package cn.fulian.reporting.readmodel;

import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;

/** Honours of a unit's subtree in a year ({@link ReadModel#HONOURS}), by honour kind. */
public record HonourCounters(Map<String, Kind> kinds) {

    public static final HonourCounters NONE = new HonourCounters(Map.of());

    /** One kind: newly awarded, and the outcomes of reviews (复查) — retained, revoked, transferred. */
    public record Kind(long awarded, long retained, long revoked, long transferred) {

        static Kind of(Document d) {
            return new Kind(
                    Docs.count(d, "awarded"),
                    Docs.count(d, "RETAINED"),
                    Docs.count(d, "REVOKED"),
                    Docs.count(d, "TRANSFERRED"));
        }

        public long reviewed() {
            return retained + revoked + transferred;
        }

        public boolean any() {
            return awarded + reviewed() > 0;
        }
    }

    static HonourCounters of(Document d) {
        return new HonourCounters(new TreeMap<>(Docs.each(d, "kinds", Kind::of)));
    }
}
