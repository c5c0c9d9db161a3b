package io.eventsuite.platform.snapstart;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Whether SnapStart priming is running now. JVM-wide, as Lambda primes before it takes any invocation: what the
 * priming does (invocations that happen to no one) can then be told apart from real work, so that, for one, it is not
 * counted in the function's metrics.
 */
public final class PrimingPhase {

    private static final AtomicBoolean ACTIVE = new AtomicBoolean();

    private PrimingPhase() {
    }

    public static boolean active() {
        return ACTIVE.get();
    }

    /**
     * Runs {@code priming} as the priming phase ({@link SnapStartPriming}; tests). Inside a phase already running, it
     * joins it (a failure here would fail the snapshot, and priming must never do that).
     */
    public static void run(Runnable priming) {
        if (!ACTIVE.compareAndSet(false, true)) {
            priming.run();
            return;
        }
        try {
            priming.run();
        } finally {
            ACTIVE.set(false);
        }
    }
}
