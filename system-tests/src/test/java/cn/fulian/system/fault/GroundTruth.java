package cn.fulian.system.fault;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the dashboard must show, computed only from what the test wrote: every activity the platform accepted and the
 * test did not void counts its participants toward the task at its own unit and at every unit above it. Targets are
 * the ones the test allocated.
 */
public final class GroundTruth {

    /** An activity the platform accepted (201), as the test recorded it. */
    public record Accepted(String activityId, Writer writer, long participants) {}

    private final Map<String, BigDecimal> targets;
    private final Map<String, Accepted> counted = new LinkedHashMap<>();
    private final List<String> watched;
    private long events;

    /**
     * @param targets the target allocated per unit path
     * @param watched the unit paths the dashboard check reads, in the order it reports them
     */
    GroundTruth(Map<String, BigDecimal> targets, List<String> watched) {
        this.targets = Map.copyOf(targets);
        this.watched = List.copyOf(watched);
    }

    synchronized void accepted(Accepted activity) {
        counted.put(activity.activityId(), activity);
        events++;
    }

    synchronized void voided(String activityId) {
        if (counted.remove(activityId) == null) {
            throw new IllegalArgumentException("not a counted activity: " + activityId);
        }
        events++;
    }

    /** Activity events the accepted writes caused: one per record, one per void. */
    synchronized long events() {
        return events;
    }

    public synchronized List<Accepted> counted() {
        return new ArrayList<>(counted.values());
    }

    /** The figures the dashboard must show for each watched unit, in {@link #figure} form. */
    public synchronized Map<String, String> expectedFigures() {
        Map<String, BigDecimal> actual = new TreeMap<>();
        watched.forEach(unit -> actual.put(unit, BigDecimal.ZERO));
        for (Accepted a : counted.values()) {
            for (String unit : selfAndAncestors(a.writer().unitPath())) {
                actual.computeIfPresent(unit, (u, sum) -> sum.add(BigDecimal.valueOf(a.participants())));
            }
        }
        Map<String, String> figures = new TreeMap<>();
        actual.forEach((unit, sum) -> figures.put(unit, figure(targets.get(unit), sum)));
        return figures;
    }

    /** One unit's row for the comparison: target and live actual, numbers without trailing zeros. */
    static String figure(BigDecimal target, BigDecimal actual) {
        return "target=" + plain(target) + " actual=" + plain(actual);
    }

    private static String plain(BigDecimal n) {
        return n == null ? "-" : n.stripTrailingZeros().toPlainString();
    }

    static List<String> selfAndAncestors(String path) {
        List<String> paths = new ArrayList<>();
        String[] codes = path.split("/");
        StringBuilder p = new StringBuilder();
        for (String code : codes) {
            if (p.length() > 0) {
                p.append('/');
            }
            p.append(code);
            paths.add(p.toString());
        }
        return paths;
    }
}
