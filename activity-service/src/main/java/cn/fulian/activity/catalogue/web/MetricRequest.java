package cn.fulian.activity.catalogue.web;

import cn.fulian.activity.catalogue.Quantity;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A metric definition: Chinese label, unit, what it counts, whether only whole numbers are allowed. */
record MetricRequest(
        @NotBlank @Size(max = 30) String label,
        @NotBlank @Size(max = 10) String unit,

        @NotNull(
                message = "须为 PERSONS/SESSIONS/MONEY_10K_YUAN/HOUSEHOLDS/VENUES/ORGANISATIONS 之一|must be one of"
                        + " PERSONS, SESSIONS, MONEY_10K_YUAN, HOUSEHOLDS, VENUES, ORGANISATIONS")
        Quantity quantity,

        Boolean integer,
        String notGreaterThan) {}
