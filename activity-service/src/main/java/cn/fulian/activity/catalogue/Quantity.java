package cn.fulian.activity.catalogue;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * What a metric counts. A metric may feed a task indicator only if both count the same thing: 人次 of a training may
 * count toward "培训妇女6814人", but sessions may not. The indicator side is recognised from its unit.
 */
public enum Quantity {
    PERSONS("人数", Set.of("人", "名", "人次", "位")),
    SESSIONS("期数/场次", Set.of("期", "场", "次", "场次", "班", "批")),
    MONEY_10K_YUAN("金额(万元)", Set.of("万元")),
    HOUSEHOLDS("户数", Set.of("户")),
    VENUES("阵地数", Set.of("个", "所", "处")),
    ORGANISATIONS("单位数", Set.of("家", "个")),
    POSITIONS("岗位数", Set.of("个")),
    DOCUMENTS("篇数", Set.of("篇"));

    private final String label;
    private final Set<String> units;

    Quantity(String label, Set<String> units) {
        this.label = label;
        this.units = units;
    }

    public String label() {
        return label;
    }

    /** Whether an indicator measured in {@code unit} counts this quantity. */
    public boolean measuredIn(String unit) {
        return unit != null && units.contains(unit.trim());
    }

    public static Optional<Quantity> parse(String name) {
        return Arrays.stream(values()).filter(q -> q.name().equals(name)).findFirst();
    }
}
