package io.eventsuite.adapters.messaging.resilience;

import java.time.Duration;

/**
 * No call was started: the Lambda invocation has less time left than a call needs ({@link
 * PublishingResilienceConfig#minimumCallBudget()} plus the margin). Not retried, not held against the breaker.
 */
public final class DeadlineReached extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DeadlineReached(Duration budget) {
        super("the invocation's deadline is too near to start a call (budget " + budget.toMillis() + " ms)",
                null, false, false);
    }
}
