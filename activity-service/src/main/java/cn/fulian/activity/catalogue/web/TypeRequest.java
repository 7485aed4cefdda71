package cn.fulian.activity.catalogue.web;

import cn.fulian.activity.catalogue.TypeMetric;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;

/** An activity type: Chinese name, description and the metrics it measures. */
record TypeRequest(
        @NotBlank @Size(max = 40) String name,
        @Size(max = 200) String description,
        @NotEmpty @Size(max = 20) List<@Valid Metric> metrics,
        Boolean active) {

    record Metric(@NotBlank String code, Boolean required) {
        TypeMetric toTypeMetric() {
            return new TypeMetric(code, Boolean.TRUE.equals(required));
        }
    }
}
