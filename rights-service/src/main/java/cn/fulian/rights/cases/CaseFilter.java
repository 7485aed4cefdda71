package cn.fulian.rights.cases;

import cn.fulian.rights.codes.CaseStatus;
import cn.fulian.rights.codes.Category;
import cn.fulian.rights.codes.Channel;

/**
 * Filters of the case list; each may be {@code null}.
 *
 * @param unit only cases handled at or below this unit (which the caller must see)
 * @param deadline only open cases whose current deadline has passed ({@code OVERDUE}) or is near ({@code DUE_SOON})
 */
public record CaseFilter(
        CaseStatus status,
        Channel channel,
        Category category,
        String unit,
        DeadlineFilter deadline,
        Boolean possibleRepeat,
        Boolean urgent) {

    /** Which deadline situation to list. */
    public enum DeadlineFilter {
        OVERDUE,
        DUE_SOON
    }
}
