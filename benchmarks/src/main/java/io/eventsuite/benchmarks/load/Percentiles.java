package io.eventsuite.benchmarks.load;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Nearest-rank percentiles of a sample, in milliseconds. */
record Percentiles(int count, double p50, double p95, double p99, double max) {

    static Percentiles ofNanos(List<Long> nanos) {
        List<Double> millis = new ArrayList<>(nanos.size());
        nanos.forEach(n -> millis.add(n / 1_000_000.0));
        return ofMillis(millis);
    }

    static Percentiles ofMillis(List<Double> samples) {
        if (samples.isEmpty()) {
            return new Percentiles(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        List<Double> sorted = new ArrayList<>(samples);
        Collections.sort(sorted);
        return new Percentiles(sorted.size(), rank(sorted, 50), rank(sorted, 95), rank(sorted, 99),
                sorted.getLast());
    }

    private static double rank(List<Double> sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }

    String describe() {
        return count == 0 ? "no samples"
                : String.format("p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, max %.0f ms (%d)", p50, p95, p99, max, count);
    }
}
