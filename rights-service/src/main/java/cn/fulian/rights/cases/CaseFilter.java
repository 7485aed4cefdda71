package cn.fulian.rights.cases;

import cn.fulian.rights.codes.CaseStatus;
import cn.fulian.rights.codes.Category;
import cn.fulian.rights.codes.Channel;

/**
 * Filters of the case list; each may be {@code null}.
 *
 * @param unit only cases handled at or below this unit (which the caller must see)
 * @param deadline only open cases whose current deadline has passed ({@code OVERDUE}) or is near ({@code DUE_SOON})
 * @param transfer cases that came to the caller's unit from another ({@code IN}) or went from it to another ({@code
 *     OUT})
 * @param q part of a case number ({@code 鼓楼-2026-00}, {@code 0012}) or a whole case id
 */
public record CaseFilter(
        CaseStatus status,
        Channel channel,
        Category category,
        String unit,
        DeadlineFilter deadline,
        Boolean possibleRepeat,
        Boolean urgent,
        TransferFilter transfer,
        String q) {

    /** Which deadline situation to list. */
    public enum DeadlineFilter {
        OVERDUE,
        DUE_SOON
    }

    /**
     * Transfers seen from the caller's unit. {@code IN} (转入): cases another unit registered that the caller's unit
     * handles now, and cases waiting for the caller's unit to accept them. {@code OUT} (转出): cases the caller's unit
     * registered that another unit handles now, and cases the caller's unit has offered to another.
     */
    public enum TransferFilter {
        IN,
        OUT
    }
}
