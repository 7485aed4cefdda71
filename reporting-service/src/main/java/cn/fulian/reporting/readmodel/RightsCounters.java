package cn.fulian.reporting.readmodel;

import java.util.Map;
import org.bson.Document;

/**
 * Rights-case counters of a unit's subtree for the cases received in a year ({@link ReadModel#RIGHTS}), in total and
 * per case category (the same counters, without categories of their own).
 */
public record RightsCounters(
        long received,
        long closed,
        long closedOnTime,
        long overdue,
        long reopened,
        long repeat,
        long followUps,
        long satisfactionSum,
        long satisfied,
        Map<String, RightsCounters> categories) {

    public static final RightsCounters NONE = new RightsCounters(0, 0, 0, 0, 0, 0, 0, 0, 0, Map.of());

    static RightsCounters of(Document d) {
        return new RightsCounters(
                Docs.count(d, "received"),
                Docs.count(d, "closed"),
                Docs.count(d, "closedOnTime"),
                Docs.count(d, "overdue"),
                Docs.count(d, "reopened"),
                Docs.count(d, "repeat"),
                Docs.count(d, "followUps"),
                Docs.count(d, "satisfactionSum"),
                Docs.count(d, "satisfied"),
                Docs.each(d, "categories", RightsCounters::of));
    }

    /** One category's counters; none if no case of it was received. */
    public RightsCounters category(String category) {
        return categories.getOrDefault(category, NONE);
    }
}
