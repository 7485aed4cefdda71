package cn.fulian.bench;

import java.util.Arrays;
import java.util.List;

/** Percentiles of a sample of durations in milliseconds (nearest-rank). */
final class Stats {

    private final double[] sorted;

    Stats(List<Double> values) {
        this.sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }

    static Stats ofNanos(List<Long> nanos) {
        return new Stats(nanos.stream().map(n -> n / 1_000_000.0).toList());
    }

    int count() {
        return sorted.length;
    }

    /** The nearest-rank percentile, or null for an empty sample. */
    Double percentile(double p) {
        if (sorted.length == 0) {
            return null;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    Double mean() {
        return sorted.length == 0 ? null : Arrays.stream(sorted).average().orElseThrow();
    }

    Double max() {
        return sorted.length == 0 ? null : sorted[sorted.length - 1];
    }

    static Double round(Double v, int decimals) {
        if (v == null) {
            return null;
        }
        double f = Math.pow(10, decimals);
        return Math.round(v * f) / f;
    }
}
