package cn.fulian.events;

/** Topic names: one per publishing service, plus the compacted org-unit registry. */
public final class Topics {
    public static final String ORG_UNITS = "org.units.v1";
    public static final String PLANNING = "planning.events.v1";
    public static final String ACTIVITY = "activity.events.v1";
    public static final String RIGHTS = "rights.events.v1";
    public static final String REPORTING = "reporting.events.v1";

    private Topics() {}

    /** Where poison messages of a topic end up after bounded retries. */
    public static String deadLetter(String topic) {
        return topic + ".DLT";
    }
}
