package cn.fulian.activity.activity.web;

import cn.fulian.activity.activity.ActivityDraft;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The activity as it should read now, with the reason for the change (the version that was edited comes as {@code
 * If-Match}). Type and plan year cannot change.
 */
record AmendActivityRequest(
        @NotBlank(message = "请填写修改原因|a reason is required") @Size(max = 200)
        String reason,

        String title,
        LocalDate startDate,
        LocalDate endDate,
        String place,
        String organiser,
        String description,
        Map<String, BigDecimal> metrics,
        List<LinkRequest> links) {

    ActivityDraft toDraft() {
        return new ActivityDraft(
                null,
                title,
                null,
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
