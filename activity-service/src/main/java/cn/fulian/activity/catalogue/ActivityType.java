package cn.fulian.activity.catalogue;

import java.util.List;
import java.util.Optional;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A kind of activity in the catalogue (培训班, 招聘会 …) with the metrics it measures. An inactive type keeps its
 * recorded activities but takes no new ones.
 */
@Document("activity_types")
public record ActivityType(
        @Id String code,
        String name,
        String description,
        List<TypeMetric> metrics,
        boolean active,
        @Version Long version) {

    public ActivityType {
        metrics = metrics != null ? List.copyOf(metrics) : List.of();
    }

    public Optional<TypeMetric> metric(String metricCode) {
        return metrics.stream().filter(m -> m.code().equals(metricCode)).findFirst();
    }

    public boolean measures(String metricCode) {
        return metric(metricCode).isPresent();
    }
}
