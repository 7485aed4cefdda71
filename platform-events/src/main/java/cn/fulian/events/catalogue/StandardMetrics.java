package cn.fulian.events.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The federation's standard activity metrics ({@code catalogue/activity-catalogue.json}): what activity-service seeds
 * its catalogue from, and what planning checks a task's activity source against. A metric code is part of the contract
 * between the two, like an event type: planning names it in {@code IndicatorSource.metric}, activities count it.
 */
public final class StandardMetrics {

    /** Where the catalogue lives on the classpath. */
    public static final String RESOURCE = "catalogue/activity-catalogue.json";

    /** Money: the one quantity an AMOUNT indicator takes. */
    public static final String MONEY = "MONEY_10K_YUAN";

    /** One standard metric: its code, label, unit of measure and the quantity it counts. */
    public record Metric(String code, String label, String unit, String quantity) {

        public boolean isMoney() {
            return MONEY.equals(quantity);
        }
    }

    private record File(List<Metric> metrics) {}

    private static final Map<String, Metric> METRICS = load();

    private StandardMetrics() {}

    public static Optional<Metric> find(String code) {
        return Optional.ofNullable(code == null ? null : METRICS.get(code));
    }

    public static List<Metric> all() {
        return List.copyOf(METRICS.values());
    }

    private static Map<String, Metric> load() {
        try (InputStream in = StandardMetrics.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            File file = JsonMapper.builder()
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .build()
                    .readValue(in, File.class);
            Map<String, Metric> byCode = new LinkedHashMap<>();
            file.metrics().forEach(m -> byCode.put(m.code(), m));
            return byCode;
        } catch (IOException e) {
            throw new UncheckedIOException(RESOURCE + " unreadable", e);
        }
    }
}
