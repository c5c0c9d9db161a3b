package io.eventsuite.localcloud.faults;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Decides, at the plan's rates, whether to break this call, invocation or delivery, and keeps the count of
 * every fault injected, by kind; each one is logged as {@code [fault] <kind> #n: <what>}.
 */
public final class Faults {

    private static final Faults NONE = new Faults(FaultPlan.none(), line -> { });

    private final FaultPlan plan;
    private final Consumer<String> log;
    private final Map<FaultKind, AtomicLong> injected = new EnumMap<>(FaultKind.class);

    public Faults(FaultPlan plan, Consumer<String> log) {
        this.plan = plan;
        this.log = log;
        for (FaultKind kind : FaultKind.values()) {
            injected.put(kind, new AtomicLong());
        }
    }

    /** The switch off: nothing is ever injected. */
    public static Faults none() {
        return NONE;
    }

    public FaultPlan plan() {
        return plan;
    }

    /** True, at the kind's rate, when this one should be broken; the caller then {@link #injected} it. */
    public boolean roll(FaultKind kind) {
        double rate = plan.rate(kind);
        return rate > 0 && ThreadLocalRandom.current().nextDouble() < rate;
    }

    /** Counts and logs a fault the caller has just injected. */
    public void injected(FaultKind kind, String what) {
        long n = injected.get(kind).incrementAndGet();
        log.accept("[fault] " + kind.switchName() + " #" + n + ": " + what);
    }

    /** Faults injected so far, by kind (every kind, zeros included). */
    public Map<FaultKind, Long> counts() {
        Map<FaultKind, Long> counts = new EnumMap<>(FaultKind.class);
        injected.forEach((kind, n) -> counts.put(kind, n.get()));
        return counts;
    }
}
