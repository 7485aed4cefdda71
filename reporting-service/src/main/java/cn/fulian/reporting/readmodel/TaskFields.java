package cn.fulian.reporting.readmodel;

/** Field names of a task document ({@link ReadModel#TASKS}) that say whose plan it is and where its actual comes from. */
public final class TaskFields {

    /** ACTIVITY, RIGHTS, HONOURS or REPORTED; absent on tasks written before sources existed (activities feed them). */
    public static final String SOURCE_KIND = "sourceKind";

    public static final String SOURCE_METRIC = "sourceMetric";
    public static final String RIGHTS_KPI = "rightsKpi";
    public static final String RIGHTS_CATEGORY = "rightsCategory";
    public static final String HONOUR_FIGURE = "honourFigure";
    public static final String HONOUR_KIND = "honourKind";

    /**
     * The unit whose plan the task belongs to (the {@code orgPath} of its {@code TaskPublished}): the city for the city's
     * plan, a district, township or community for its own. Absent on tasks read before it was recorded.
     */
    public static final String PLAN_UNIT_PATH = "planUnitPath";

    private TaskFields() {}
}
