package io.eventsuite.domain.event;

import java.util.List;

/**
 * Publishes events whose aggregate is already written.
 *
 * <p>Once the write succeeded the operation has succeeded, and the relay will publish whatever is still
 * pending. So even a publisher that breaks its no-throw contract must not turn that success into an error
 * for the caller (who would retry and perhaps act twice). The failure is logged without the payload.
 */
public final class AfterCommit {

    private static final System.Logger LOG = System.getLogger(AfterCommit.class.getName());

    private AfterCommit() {
    }

    public static void publish(EventPublisher publisher, List<EventEnvelope> events) {
        try {
            publisher.publish(events);
        } catch (RuntimeException failure) {
            LOG.log(System.Logger.Level.WARNING, "publishing {0} event(s) failed, the relay will retry: {1}",
                    events.size(), failure.getClass().getName());
        }
    }
}
