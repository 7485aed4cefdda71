package cn.fulian.events.planning;

import java.util.List;

/**
 * Where an indicator's actual comes from, chosen when the task is written:
 *
 * <ul>
 *   <li>{@code ACTIVITY}: an activity metric ({@code metric}, for a rate also {@code denominatorMetric}) recorded by the
 *       unit and its subtree, counted toward the unit's own assignment;
 *   <li>{@code RIGHTS}: a rights-case figure of the plan year ({@code rightsKpi}, optionally for one {@code category}):
 *       cases received, closed, closed on time, overdue, repeat petitions, closure rate, on-time rate;
 *   <li>{@code HONOURS}: an honours figure of the plan year ({@code honourFigure}: newly awarded, reviewed, retained,
 *       revoked, transferred; optionally for one {@code honourKind});
 *   <li>{@code REPORTED}: the value the parent approved in the unit's latest progress report, for what nothing else
 *       measures.
 * </ul>
 *
 * A task written before sources existed has none; its actual comes from activity links as before.
 */
public record IndicatorSource(
        String kind,
        String metric,
        String denominatorMetric,
        String rightsKpi,
        String category,
        String honourFigure,
        String honourKind) {

    public static final String ACTIVITY = "ACTIVITY";
    public static final String RIGHTS = "RIGHTS";
    public static final String HONOURS = "HONOURS";
    public static final String REPORTED = "REPORTED";

    public static final List<String> KINDS = List.of(ACTIVITY, RIGHTS, HONOURS, REPORTED);

    /** Rights KPIs that are counts of cases. */
    public static final List<String> RIGHTS_COUNTS =
            List.of("RECEIVED", "CLOSED", "CLOSED_ON_TIME", "OVERDUE", "REPEAT");
    /** Rights KPIs that are rates in percent. */
    public static final List<String> RIGHTS_RATES = List.of("CLOSURE_RATE", "ON_TIME_RATE");

    /** Case categories as rights events carry them. */
    public static final List<String> RIGHTS_CATEGORIES = List.of(
            "MARRIAGE_FAMILY",
            "DOMESTIC_VIOLENCE",
            "PERSONAL_RIGHTS",
            "PROPERTY_RIGHTS",
            "LABOUR_SOCIAL_SECURITY",
            "CHILDREN",
            "OTHER");

    /** Honour kinds as honour events carry them. */
    public static final List<String> HONOUR_KINDS = List.of(
            "CIVILISED_POST",
            "PACESETTER",
            "MODEL_VILLAGE",
            "MODEL_BASE",
            "WOMENS_HOME",
            "CHILDRENS_HOME",
            "FIVE_GOOD_FAMILY",
            "CIVILISED_COMMUNITY");

    /** Honours figures, all counts. */
    public static final List<String> HONOUR_FIGURES =
            List.of("AWARDED", "REVIEWED", "RETAINED", "REVOKED", "TRANSFERRED");

    public static IndicatorSource activity(String metric, String denominatorMetric) {
        return new IndicatorSource(ACTIVITY, metric, denominatorMetric, null, null, null, null);
    }

    public static IndicatorSource rights(String kpi, String category) {
        return new IndicatorSource(RIGHTS, null, null, kpi, category, null, null);
    }

    public static IndicatorSource honours(String figure, String honourKind) {
        return new IndicatorSource(HONOURS, null, null, null, null, figure, honourKind);
    }

    public static IndicatorSource reported() {
        return new IndicatorSource(REPORTED, null, null, null, null, null, null);
    }
}
