package cn.fulian.reporting.readmodel;

import cn.fulian.starter.scope.OrgPath;
import java.util.List;

/**
 * Names and keys of the read-model collections. Every dashboard read is a lookup by these keys, never an aggregation
 * over raw events: a unit's figures are its (year, task, unit) documents, found by key from the year's tasks, and its
 * children are named on them.
 */
public final class ReadModel {

    /** Per plan: year, title, publication time. */
    public static final String PLANS = "rm_plans";
    /** Per task: work area, title, indicator, target, due date, cancellation. */
    public static final String TASKS = "rm_tasks";
    /** Per assignment: task, unit, target, due date, acknowledgement; activity links that arrived before it. */
    public static final String ASSIGNMENTS = "rm_assignments";
    /**
     * Per (year, task, unit): target, live actual of the unit's subtree ({@code actual}) and of the unit's own
     * activities ({@code ownActual}), the share it keeps itself ({@code retained}), reports by period.
     */
    public static final String TASK_UNITS = "rm_task_units";
    /** Per (year, unit): rights-case counters of the unit's subtree. */
    public static final String RIGHTS = "rm_rights";
    /** Per case: where it is and whether it is closed, to turn reopenings and transfers into exact counter changes. */
    public static final String CASES = "rm_cases";
    /** Per progress report: unit, period and state, for completeness and timeliness. */
    public static final String REPORTS = "rm_reports";
    /** Per (year, unit): honours awarded and reviewed in the unit's subtree. */
    public static final String HONOURS = "rm_honours";

    /**
     * Per activity link that breaks the counting rule (linked to an ancestor's assignment, or to a second assignment of
     * the same task): what the rebuild reports. Such a link is counted once per task, from the recording unit upward.
     */
    public static final String RULE_BREAKS = "rm_rule_breaks";

    /** On a (year, task, unit) document: the child units that have a document of the same task. */
    public static final String CHILD_UNITS = "childUnits";
    /** On a (year, task, unit) document: active assignments with a parent in the unit's subtree (reports owed). */
    public static final String EXPECTED_REPORTS = "expectedReports";
    /** On a (year, task, unit) document: per period, reports submitted / on time / approved in the subtree. */
    public static final String REPORT_COUNTS = "reportCounts";
    /**
     * On a (year, task, unit) document: what each child's row of the same task shows (target, actual, due date,
     * acknowledgement, cancellation, its reports' states and values), by the child's code, written with every change
     * to the child's own document, so a dashboard reads its own documents only, not its children's.
     */
    public static final String CHILD_FIGURES = "childFigures";

    /**
     * Not part of the read model (a rebuild keeps it): which shape of the read model the stored documents have. A read
     * model written before {@link #CHILD_FIGURES} existed is read the old way until it is rebuilt.
     */
    public static final String SHAPE = "read_model_shape";

    public static final List<String> ALL =
            List.of(PLANS, TASKS, ASSIGNMENTS, TASK_UNITS, RIGHTS, CASES, REPORTS, HONOURS, RULE_BREAKS);

    private ReadModel() {}

    public static String taskUnitId(int year, String taskId, String unitPath) {
        return year + "|" + taskId + "|" + unitPath;
    }

    public static String yearUnitId(int year, String unitPath) {
        return year + "|" + unitPath;
    }

    /** The parent's path, or null for the city. */
    public static String parentOf(OrgPath path) {
        return path.isRoot() ? null : path.parent().value();
    }
}
