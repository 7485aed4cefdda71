package cn.fulian.activity.activity.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Voids an activity with a reason; {@code version} is the version the user saw. */
record VoidActivityRequest(
        @NotNull(message = "须提供所作废记录的版本号|the version being voided is required")
        Long version,

        @NotBlank(message = "请填写作废原因|a reason is required") @Size(max = 200)
        String reason) {}
