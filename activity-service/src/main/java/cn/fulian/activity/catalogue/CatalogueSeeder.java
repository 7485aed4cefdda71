package cn.fulian.activity.catalogue;

import cn.fulian.activity.config.ActivityProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
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
 * Fills an empty catalogue from the seed file at startup, so a fresh installation has the federation's usual activity
 * types. A catalogue that already has entries is left as the admins made it.
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
        if (types.count() > 0 || metrics.count() > 0) {
            return;
        }
        Seed seed = read(properties.catalogueSeed());
        try {
            metrics.insert(seed.metrics().stream().map(SeedMetric::toDefinition).toList());
            types.insert(seed.types().stream().map(SeedType::toType).toList());
            log.info(
                    "activity catalogue seeded: {} metrics, {} types",
                    seed.metrics().size(),
                    seed.types().size());
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
