package io.eventsuite.localcloud.faults;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The fault switch's setting: for each {@link FaultKind}, the probability (0 to 1) that one call, invocation or
 * delivery of that kind is broken. Written {@code sns:0.1,dynamodb:0.05,crash:0.02,duplicate:0.1}; a kind left
 * out is never injected. Empty means off, the default.
 */
public record FaultPlan(Map<FaultKind, Double> rates) {

    public FaultPlan {
        EnumMap<FaultKind, Double> copy = new EnumMap<>(FaultKind.class);
        rates.forEach((kind, rate) -> {
            if (!(rate >= 0 && rate <= 1)) {
                throw new IllegalArgumentException("--faults: the rate of " + kind.switchName()
                        + " must be between 0 and 1, got " + rate);
            }
            if (rate > 0) {
                copy.put(kind, rate);
            }
        });
        rates = Collections.unmodifiableMap(copy);
    }

    public static FaultPlan none() {
        return new FaultPlan(Map.of());
    }

    /**
     * Reads {@code kind:rate[,kind:rate...]}.
     *
     * @throws IllegalArgumentException naming the fault or the rate that is wrong, and what is allowed
     */
    public static FaultPlan parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("--faults needs kind:rate pairs, e.g. "
                    + "--faults=sns:0.1,dynamodb:0.05,crash:0.02,duplicate:0.1 (faults: " + FaultKind.names() + ")");
        }
        EnumMap<FaultKind, Double> rates = new EnumMap<>(FaultKind.class);
        for (String pair : text.split(",")) {
            String[] kv = pair.split(":", 2);
            FaultKind kind = FaultKind.named(kv[0]);
            if (kv.length != 2 || kv[1].isBlank()) {
                throw new IllegalArgumentException("--faults: " + kind.switchName() + " needs a rate from 0 to 1, "
                        + "e.g. " + kind.switchName() + ":0.05");
            }
            double rate;
            try {
                rate = Double.parseDouble(kv[1].trim());
            } catch (NumberFormatException notANumber) {
                throw new IllegalArgumentException("--faults: the rate of " + kind.switchName()
                        + " must be a number between 0 and 1, got \"" + kv[1].trim() + "\"");
            }
            if (rates.put(kind, rate) != null) {
                throw new IllegalArgumentException("--faults: " + kind.switchName() + " is given twice");
            }
        }
        return new FaultPlan(rates);
    }

    public boolean isOn() {
        return !rates.isEmpty();
    }

    public double rate(FaultKind kind) {
        return rates.getOrDefault(kind, 0.0);
    }

    /** {@code sns 10%, crash 2%}, for the banner. */
    public String describe() {
        return rates.entrySet().stream()
                .map(e -> e.getKey().switchName() + " " + percent(e.getValue()))
                .collect(Collectors.joining(", "));
    }

    private static String percent(double rate) {
        double p = rate * 100;
        return (p == Math.rint(p) ? Long.toString((long) p) : Double.toString(p)) + "%";
    }
}
