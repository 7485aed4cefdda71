package cn.fulian.activity.activity.web;

import cn.fulian.activity.activity.ActivityDraft;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A new activity of the caller's unit. {@code metrics} are values by metric code of the type (see the catalogue);
 * {@code links} name the assignments it counts toward. The unit always comes from the token.
 */
record RecordActivityRequest(
        String type,
        String title,
        Integer year,
        LocalDate startDate,
        LocalDate endDate,
        String place,
        String organiser,
        String description,
        Map<String, BigDecimal> metrics,
        List<LinkRequest> links) {

    ActivityDraft toDraft() {
        return new ActivityDraft(
                type,
                title,
                year,
                startDate,
                endDate,
                place,
                organiser,
                description,
                metrics,
                links == null
                        ? List.of()
                        : links.stream()
                                .filter(Objects::nonNull)
                                .map(LinkRequest::toLink)
                                .toList());
    }
}
