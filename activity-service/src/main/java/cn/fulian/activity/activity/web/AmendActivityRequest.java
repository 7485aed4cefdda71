package cn.fulian.activity.activity.web;

import cn.fulian.activity.activity.ActivityDraft;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The activity as it should read now, with the reason for the change and the version that was edited (a stale version
 * gives 409). Type and plan year cannot change.
 */
record AmendActivityRequest(
        @NotNull(message = "须提供所修改记录的版本号|the version being edited is required")
        Long version,

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
