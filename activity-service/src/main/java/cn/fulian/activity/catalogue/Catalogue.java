package cn.fulian.activity.catalogue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A consistent snapshot of the catalogue: every metric definition and every activity type. */
public record Catalogue(List<MetricDefinition> metrics, List<ActivityType> types) {

    public Map<String, MetricDefinition> metricsByCode() {
        Map<String, MetricDefinition> byCode = new LinkedHashMap<>();
        metrics.forEach(m -> byCode.put(m.code(), m));
        return byCode;
    }

    public Optional<ActivityType> type(String code) {
        return types.stream().filter(t -> t.code().equals(code)).findFirst();
    }

    /** Looks a type up by code or by its Chinese name, as a ledger row may give either. */
    public Optional<ActivityType> typeByCodeOrName(String value) {
        String v = value == null ? "" : value.trim();
        return types.stream()
                .filter(t -> t.code().equalsIgnoreCase(v) || t.name().equals(v))
                .findFirst();
    }
}
