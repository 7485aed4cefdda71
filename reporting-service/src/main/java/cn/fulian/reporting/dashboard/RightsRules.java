package cn.fulian.reporting.dashboard;

import java.util.Set;

/**
 * Small counts of sensitive case categories could identify a person in a township or community, so below district
 * level (depth 3 and deeper) a sensitive category with fewer than {@value #MIN_SHOWN} received cases (but some) is
 * shown only as suppressed.
 */
final class RightsRules {

    static final Set<String> SENSITIVE = Set.of("DOMESTIC_VIOLENCE");
    static final int MIN_SHOWN = 5;

    private RightsRules() {}

    static boolean suppress(String category, int depth, long received) {
        return SENSITIVE.contains(category) && depth >= 3 && received > 0 && received < MIN_SHOWN;
    }
}
