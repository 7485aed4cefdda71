package cn.fulian.activity.activity;

import cn.fulian.events.activity.AssignmentContribution;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The arithmetic of events: what an activity adds to each assignment, and the change between two versions of it.
 * Everything is exact decimal so the read model's sums equal the activities' values.
 */
final class Metrics {

    private Metrics() {}

    /** A value without trailing zeros (120.0 → 120), so equal numbers look equal everywhere. */
    static BigDecimal normal(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    static Map<String, BigDecimal> normal(Map<String, BigDecimal> values) {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, normal(v)));
        return out;
    }

    /** New minus old per metric; metrics whose value did not change are left out. */
    static Map<String, BigDecimal> delta(Map<String, BigDecimal> before, Map<String, BigDecimal> after) {
        Set<String> keys = new LinkedHashSet<>(before.keySet());
        keys.addAll(after.keySet());
        Map<String, BigDecimal> delta = new LinkedHashMap<>();
        for (String k : keys) {
            BigDecimal d = after.getOrDefault(k, BigDecimal.ZERO).subtract(before.getOrDefault(k, BigDecimal.ZERO));
            if (d.signum() != 0) {
                delta.put(k, normal(d));
            }
        }
        return delta;
    }

    static Map<String, BigDecimal> negated(Map<String, BigDecimal> values) {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (v.signum() != 0) {
                out.put(k, normal(v.negate()));
            }
        });
        return out;
    }

    /** What each link adds to its assignment given these metric values. */
    static List<AssignmentContribution> contributions(Map<String, BigDecimal> metrics, List<Link> links) {
        return links.stream().map(l -> contribution(metrics, l, 1)).toList();
    }

    /**
     * The change per assignment from one version to the next. A link kept with the same metrics gives the difference;
     * a link removed or changed gives its old contribution negated and the new one in full.
     */
    static List<AssignmentContribution> change(
            Map<String, BigDecimal> beforeMetrics,
            List<Link> beforeLinks,
            Map<String, BigDecimal> afterMetrics,
            List<Link> afterLinks) {
        List<AssignmentContribution> out = new ArrayList<>();
        for (Link old : beforeLinks) {
            Link now = afterLinks.stream()
                    .filter(l -> l.assignmentId().equals(old.assignmentId()))
                    .findFirst()
                    .orElse(null);
            if (old.equals(now)) {
                AssignmentContribution was = contribution(beforeMetrics, old, 1);
                AssignmentContribution is = contribution(afterMetrics, now, 1);
                BigDecimal amount = is.amount().subtract(was.amount());
                BigDecimal den = is.denominatorAmount() == null
                        ? null
                        : is.denominatorAmount().subtract(was.denominatorAmount());
                if (amount.signum() != 0 || (den != null && den.signum() != 0)) {
                    out.add(new AssignmentContribution(
                            old.assignmentId(),
                            old.metric(),
                            normal(amount),
                            old.denominatorMetric(),
                            den == null ? null : normal(den)));
                }
            } else {
                out.add(contribution(beforeMetrics, old, -1));
            }
        }
        for (Link now : afterLinks) {
            boolean kept = beforeLinks.stream().anyMatch(now::equals);
            if (!kept) {
                out.add(contribution(afterMetrics, now, 1));
            }
        }
        return out.stream()
                .filter(c -> c.amount().signum() != 0
                        || (c.denominatorAmount() != null
                                && c.denominatorAmount().signum() != 0))
                .toList();
    }

    static List<AssignmentContribution> negated(List<AssignmentContribution> contributions) {
        return contributions.stream()
                .map(c -> new AssignmentContribution(
                        c.assignmentId(),
                        c.metric(),
                        normal(c.amount().negate()),
                        c.denominatorMetric(),
                        c.denominatorAmount() == null
                                ? null
                                : normal(c.denominatorAmount().negate())))
                .toList();
    }

    static List<String> assignmentIds(List<Link> links) {
        return links.stream()
                .map(Link::assignmentId)
                .filter(Objects::nonNull)
                .distinct()
                .toList();
    }

    private static AssignmentContribution contribution(Map<String, BigDecimal> metrics, Link link, int sign) {
        BigDecimal amount = metrics.getOrDefault(link.metric(), BigDecimal.ZERO);
        BigDecimal den = link.denominatorMetric() == null
                ? null
                : metrics.getOrDefault(link.denominatorMetric(), BigDecimal.ZERO);
        return new AssignmentContribution(
                link.assignmentId(),
                link.metric(),
                normal(sign < 0 ? amount.negate() : amount),
                link.denominatorMetric(),
                den == null ? null : normal(sign < 0 ? den.negate() : den));
    }
}
