package cn.fulian.activity.activity.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Voids an activity with a reason; the version the user saw comes as {@code If-Match}. */
record VoidActivityRequest(
        @NotBlank(message = "请填写作废原因|a reason is required") @Size(max = 200)
        String reason) {}
