package io.eventsuite.localcloud.provision;

/**
 * Runs every step of a shutdown even when some fail (a stopped emulator must not keep the next one running), then
 * throws the first failure with the others attached as suppressed.
 */
public final class EveryStep {

    /** A step that may throw anything {@link AutoCloseable#close()} may. */
    @FunctionalInterface
    public interface Step {
        void run() throws Exception;
    }

    private EveryStep() {
    }

    public static void run(Iterable<? extends Step> steps) {
        RuntimeException failure = null;
        for (Step step : steps) {
            try {
                step.run();
            } catch (Exception e) {
                RuntimeException wrapped = e instanceof RuntimeException r ? r : new IllegalStateException(e);
                if (failure == null) {
                    failure = wrapped;
                } else {
                    failure.addSuppressed(wrapped);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
