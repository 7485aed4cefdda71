package cn.fulian.activity.catalogue;

import cn.fulian.activity.config.ActivityProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Adds the standard metrics and activity types (the seed file, shared with planning as {@code StandardMetrics}) that the
 * catalogue does not have yet, so a fresh installation has the federation's usual types and an existing one gains the
 * standard metrics added since. Entries the catalogue already has are left as the admins made them.
 */
@Component
class CatalogueSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CatalogueSeeder.class);

    /** The seed file's shape: metric definitions, and types listing the metric codes they use. */
    record Seed(List<SeedMetric> metrics, List<SeedType> types) {}

    record SeedMetric(
            String code, String label, String unit, Quantity quantity, Boolean integer, String notGreaterThan) {
        MetricDefinition toDefinition() {
            return new MetricDefinition(
                    code, label, unit, quantity, Boolean.TRUE.equals(integer), notGreaterThan, null);
        }
    }

    record SeedType(String code, String name, String description, List<TypeMetric> metrics) {
        ActivityType toType() {
            return new ActivityType(code, name, description, metrics, true, null);
        }
    }

    private final ActivityTypeRepository types;
    private final MetricDefinitionRepository metrics;
    private final ActivityProperties properties;

    CatalogueSeeder(ActivityTypeRepository types, MetricDefinitionRepository metrics, ActivityProperties properties) {
        this.types = types;
        this.metrics = metrics;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        Seed seed = read(properties.catalogueSeed());
        Set<String> knownMetrics = new HashSet<>();
        metrics.findAll().forEach(m -> knownMetrics.add(m.code()));
        Set<String> knownTypes = new HashSet<>();
        types.findAll().forEach(t -> knownTypes.add(t.code()));
        List<MetricDefinition> newMetrics = seed.metrics().stream()
                .filter(m -> !knownMetrics.contains(m.code()))
                .map(SeedMetric::toDefinition)
                .toList();
        List<ActivityType> newTypes = seed.types().stream()
                .filter(t -> !knownTypes.contains(t.code()))
                .map(SeedType::toType)
                .toList();
        if (newMetrics.isEmpty() && newTypes.isEmpty()) {
            return;
        }
        try {
            metrics.insert(newMetrics);
            types.insert(newTypes);
            log.info("activity catalogue: {} standard metrics and {} types added", newMetrics.size(), newTypes.size());
        } catch (DuplicateKeyException | OptimisticLockingFailureException anotherInstanceSeeded) {
            log.info("activity catalogue was seeded by another instance");
        }
    }

    static Seed read(String resource) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            return JsonMapper.builder().build().readValue(in, Seed.class);
        } catch (IOException e) {
            throw new UncheckedIOException("catalogue seed " + resource + " unreadable", e);
        }
    }
}
