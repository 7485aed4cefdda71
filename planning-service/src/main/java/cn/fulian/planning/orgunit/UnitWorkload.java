package cn.fulian.planning.orgunit;

import cn.fulian.starter.scope.OrgPath;
import java.util.List;

/**
 * The work a unit still has open, which keeps it from being retired or moved. Answered by the allocation feature, so
 * the registry knows nothing of plans.
 */
public interface UnitWorkload {

    /**
     * Open assignments at the unit (and, with {@code withSubtree}, below it): how many, and up to {@code limit} of
     * them named as users know them, 「新建巾帼示范村100个（2026年）」.
     */
    OpenWork openAt(OrgPath unit, boolean withSubtree, int limit);

    record OpenWork(long count, List<String> examples) {

        public static final OpenWork NONE = new OpenWork(0, List.of());

        public boolean none() {
            return count == 0;
        }
    }
}
