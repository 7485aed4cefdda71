package cn.fulian.reporting.readmodel;

import cn.fulian.events.planning.IndicatorSource;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.bson.Document;

/**
 * A task of a published plan as the read model holds it ({@link ReadModel#TASKS}): its plan and the plan's unit, the
 * indicator (kind, direction, city-level target) and the source its actual comes from.
 *
 * @param planUnitPath the unit whose plan the task belongs to; null on tasks read before it was recorded
 * @param sourceKind ACTIVITY, RIGHTS, HONOURS or REPORTED; null on tasks written before sources existed (activities)
 */
public record TaskDoc(
        String id,
        String planId,
        String planUnitPath,
        int year,
        String workArea,
        String title,
        LocalDate dueDate,
        String indicatorName,
        String indicatorUnit,
        String kind,
        String direction,
        BigDecimal target,
        String sourceKind,
        String sourceMetric,
        String rightsKpi,
        String rightsCategory,
        String honourFigure,
        String honourKind,
        boolean cancelled) {

    static TaskDoc of(Document d) {
        return new TaskDoc(
                d.getString("_id"),
                d.getString("planId"),
                d.getString(TaskFields.PLAN_UNIT_PATH),
                Docs.integer(d, "year"),
                d.getString("workArea"),
                d.getString("title"),
                Docs.day(d, "dueDate"),
                d.getString("indicatorName"),
                d.getString("indicatorUnit"),
                d.getString("kind"),
                d.getString("direction"),
                Fixed.read(d.get("target")),
                d.getString(TaskFields.SOURCE_KIND),
                d.getString(TaskFields.SOURCE_METRIC),
                d.getString(TaskFields.RIGHTS_KPI),
                d.getString(TaskFields.RIGHTS_CATEGORY),
                d.getString(TaskFields.HONOUR_FIGURE),
                d.getString(TaskFields.HONOUR_KIND),
                Boolean.TRUE.equals(d.getBoolean("cancelled")));
    }

    /** Where the actual comes from: the source kind, activities when none is named. */
    public String source() {
        return sourceKind == null ? IndicatorSource.ACTIVITY : sourceKind;
    }

    public boolean fedByActivities() {
        return IndicatorSource.ACTIVITY.equals(source());
    }

    /** Measured by approved reports only. */
    public boolean reportedOnly() {
        return IndicatorSource.REPORTED.equals(sourceKind);
    }

    public boolean isRate() {
        return "RATE".equals(kind);
    }

    public boolean isCeiling() {
        return "AT_MOST".equals(direction);
    }
}
