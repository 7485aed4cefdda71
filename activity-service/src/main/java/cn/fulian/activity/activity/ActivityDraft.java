package cn.fulian.activity.activity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a user entered for an activity, from the API or a ledger row, before it is checked. */
public record ActivityDraft(
        String type,
        String title,
        Integer year,
        LocalDate startDate,
        LocalDate endDate,
        String place,
        String organiser,
        String description,
        Map<String, BigDecimal> metrics,
        List<Link> links) {

    public ActivityDraft {
        Map<String, BigDecimal> given = new LinkedHashMap<>();
        if (metrics != null) {
            // a metric sent as null is simply not given
            metrics.forEach((k, v) -> {
                if (v != null) {
                    given.put(k, v);
                }
            });
        }
        metrics = given;
        links = links != null ? List.copyOf(links) : List.of();
        title = trimmed(title);
        place = trimmed(place);
        organiser = trimmed(organiser);
        description = trimmed(description);
    }

    private static String trimmed(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
