package cn.fulian.rights.cases;

import java.time.LocalDate;
import java.util.List;

/**
 * What a unit and the units below it have overdue or due soon, counted by handling unit: the unit's own cases, then
 * each direct child unit with everything below it.
 */
public record DeadlineBoard(String unit, LocalDate today, int dueSoonDays, long overdue, long dueSoon, List<Row> rows) {

    /** Counts for one unit ({@code own} = only cases the unit itself handles) or one direct child's subtree. */
    public record Row(String unit, boolean own, long overdue, long dueSoon) {}
}
