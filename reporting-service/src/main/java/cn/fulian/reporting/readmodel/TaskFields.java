package cn.fulian.reporting.readmodel;

/** Field names of a task document ({@link ReadModel#TASKS}) that say where the task's actual comes from. */
public final class TaskFields {

    /** ACTIVITY, RIGHTS, HONOURS or REPORTED; absent on tasks written before sources existed (activities feed them). */
    public static final String SOURCE_KIND = "sourceKind";

    public static final String SOURCE_METRIC = "sourceMetric";
    public static final String RIGHTS_KPI = "rightsKpi";
    public static final String RIGHTS_CATEGORY = "rightsCategory";
    public static final String HONOUR_FIGURE = "honourFigure";
    public static final String HONOUR_KIND = "honourKind";

    private TaskFields() {}
}
