package cn.fulian.activity.catalogue.web;

import cn.fulian.activity.catalogue.ActivityType;
import cn.fulian.activity.catalogue.Catalogue;
import cn.fulian.activity.catalogue.MetricDefinition;
import java.util.List;
import java.util.Map;

/** The catalogue as the console shows it: metrics, and types with their metrics spelled out. */
record CatalogueView(List<MetricView> metrics, List<TypeView> types) {

    static CatalogueView of(Catalogue c) {
        Map<String, MetricDefinition> byCode = c.metricsByCode();
        return new CatalogueView(
                c.metrics().stream().map(MetricView::of).toList(),
                c.types().stream().map(t -> TypeView.of(t, byCode)).toList());
    }

    record MetricView(
            String code,
            String label,
            String unit,
            String quantity,
            String quantityLabel,
            boolean integer,
            String notGreaterThan) {
        static MetricView of(MetricDefinition m) {
            return new MetricView(
                    m.code(),
                    m.label(),
                    m.unit(),
                    m.quantity().name(),
                    m.quantity().label(),
                    m.integer(),
                    m.notGreaterThan());
        }
    }

    record TypeMetricView(String code, String label, String unit, boolean required) {}

    record TypeView(String code, String name, String description, boolean active, List<TypeMetricView> metrics) {
        static TypeView of(ActivityType t, Map<String, MetricDefinition> byCode) {
            return new TypeView(
                    t.code(),
                    t.name(),
                    t.description(),
                    t.active(),
                    t.metrics().stream()
                            .map(m -> {
                                MetricDefinition d = byCode.get(m.code());
                                return new TypeMetricView(
                                        m.code(),
                                        d != null ? d.label() : m.code(),
                                        d != null ? d.unit() : "",
                                        m.required());
                            })
                            .toList());
        }
    }
}
