package io.eventsuite.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Median, minimum and maximum of a few samples: what a short run on a noisy machine can honestly say. */
public record Summary(double median, double min, double max, int count) {

    public static Summary of(List<Double> samples) {
        if (samples.isEmpty()) {
            return new Summary(Double.NaN, Double.NaN, Double.NaN, 0);
        }
        List<Double> sorted = new ArrayList<>(samples);
        Collections.sort(sorted);
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return new Summary(median, sorted.getFirst(), sorted.getLast(), n);
    }

    /** {@code median [min-max]} with the given format for each number, e.g. {@code "%,.0f"}. */
    public String format(String number) {
        if (count == 0) {
            return "-";
        }
        return String.format(Locale.ROOT, number, median) + " [" + String.format(Locale.ROOT, number, min) + "-"
                + String.format(Locale.ROOT, number, max) + "]";
    }
}
