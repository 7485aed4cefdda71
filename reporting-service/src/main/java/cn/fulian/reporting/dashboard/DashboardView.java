package cn.fulian.reporting.dashboard;

import cn.fulian.events.orgunit.UnitType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The dashboard of one unit for one year, as the API answers it. {@code retainedShare} has a row per task where the
 * unit kept part of its target for itself (本级保留): that share as the target, the unit's own activities as the actual,
 * shown beside its children. {@code honours} has the unit's honours of the year by kind. {@code trail} names the unit
 * and its ancestors from the root down (福州市 › 鼓楼区 › 鼓东街道), for a breadcrumb.
 */
public record DashboardView(
        UnitRef unit,
        int year,
        LocalDate today,
        Instant asOf,
        List<TaskRow> tasks,
        List<ChildSummary> children,
        List<RankingRow> rankings,
        RightsKpis rights,
        List<RightsKpis> childRights,
        List<PeriodCompleteness> reporting,
        List<TaskRow> retainedShare,
        List<HonourCount> honours,
        List<UnitRef> trail) {

    /**
     * A unit as the dashboard names it: {@code level} is its level in the tree (CITY, DISTRICT …), {@code type} and
     * {@code typeLabel} say what it is (DISTRICT 区, ORGAN 机关) as the registry has it.
     */
    public record UnitRef(String path, String name, String level, String type, String typeLabel) {

        /** A unit known by its level only: the type its level implies. */
        public UnitRef(String path, String name, String level) {
            this(path, name, level, UnitType.derived(level, path.split("/").length));
        }

        private UnitRef(String path, String name, String level, UnitType type) {
            this(path, name, level, type.name(), type.label());
        }
    }

    /**
     * One task at one unit. {@code actual} is a rate in percent for RATE indicators, and null when nothing is measured
     * yet (status NO_DATA); {@code source} says where it comes from: ACTIVITY, RIGHTS, HONOURS or REPORTED.
     * {@code planUnitPath} and {@code planUnitName} name the unit whose plan the task belongs to; {@code origin} is
     * {@code OWN} when that is the row's own unit (本级自定) and {@code ALLOCATED} when it came from above (上级下达).
     */
    public record TaskRow(
            String taskId,
            String workArea,
            String title,
            String indicatorName,
            String indicatorUnit,
            String kind,
            String direction,
            String assignmentId,
            BigDecimal target,
            BigDecimal actual,
            BigDecimal actualNumerator,
            BigDecimal actualDenominator,
            BigDecimal reported,
            String reportedPeriod,
            BigDecimal approved,
            String approvedPeriod,
            BigDecimal completionPercent,
            BigDecimal expectedByNow,
            PaceStatus paceStatus,
            String paceLabel,
            BigDecimal projected,
            LocalDate dueDate,
            Instant acknowledgedAt,
            String source,
            String planUnitPath,
            String origin,
            String planUnitName) {

        /** The row's unit's own plan set the task (本级自定). */
        public static final String OWN = "OWN";

        /** A plan above the row's unit set the task and it was allocated down (上级下达). */
        public static final String ALLOCATED = "ALLOCATED";

        /** 「本级自定」, or 「鼓楼区妇联下达」 naming the plan's unit; null where the plan's unit is not known. */
        public String originLabel() {
            if (origin == null) {
                return null;
            }
            return OWN.equals(origin) ? "本级自定" : planUnitName + "妇联下达";
        }
    }

    /**
     * A direct child unit as its parent's dashboard shows it: its score (the mean completion over its tasks with a
     * target, each counted at most 100 % so one over-achieved task does not hide a lagging one), how many tasks show
     * each light, and per task its completion in percent and its light, by task id. Its full rows come on request
     * ({@link UnitRows}).
     */
    public record ChildSummary(
            UnitRef unit,
            BigDecimal score,
            Map<PaceStatus, Long> statusCounts,
            Map<String, BigDecimal> completion,
            Map<String, PaceStatus> lights) {}

    /** A unit's own task rows, for a child a parent's dashboard summarises (and for the exports). */
    public record UnitRows(UnitRef unit, int year, List<TaskRow> tasks) {}

    /** 排名: direct children of the unit (siblings of each other) by score; equal scores share a rank. */
    public record RankingRow(
            int rank, UnitRef unit, BigDecimal score, long green, long yellow, long red, long overdue, long noData) {}

    /**
     * Rights KPIs of a unit's subtree for the cases received in the year; categories with small sensitive counts come
     * suppressed. {@code repeatPetitions}: those of them flagged at intake as a possible repeat petition (重复信访).
     */
    public record RightsKpis(
            UnitRef unit,
            long received,
            long closed,
            long closedOnTime,
            long overdue,
            long reopened,
            Long repeatPetitions,
            BigDecimal closureRate,
            BigDecimal onTimeRate,
            long followUps,
            BigDecimal satisfaction,
            BigDecimal satisfiedRate,
            List<CategoryCount> categories) {}

    /**
     * Honours of one kind in the unit's subtree in the year: newly awarded, and reviewed (复查) with its outcomes —
     * retained (保留), revoked (撤销), transferred to another unit (移交).
     */
    public record HonourCount(
            String kind, long awarded, long reviewed, long retained, long revoked, long transferred) {}

    /** Counts of one case category; null counts with {@code suppressed} when too small to show at this level. */
    public record CategoryCount(String category, Long received, Long closed, Long overdue, boolean suppressed) {}

    /** 填报情况: reports owed for a period in the unit's subtree, submitted, on time, approved. */
    public record PeriodCompleteness(
            String period,
            String label,
            LocalDate dueDate,
            long expected,
            long submitted,
            long onTime,
            long approved,
            BigDecimal completenessPercent,
            BigDecimal timelinessPercent) {}
}
