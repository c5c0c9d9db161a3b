package io.eventsuite.localcloud.sns;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Publish calls told to fail ({@link SnsStandIn#failPublishes(int)}), so tests can see how callers cope with an SNS
 * outage. Fails before anything is delivered, as a real 500 from SNS means nothing was accepted.
 */
final class InjectedFailures {

    /** Calls still to fail: 0 healthy, -1 every call until {@link #stop()}. */
    private final AtomicInteger remaining = new AtomicInteger();

    /** The next {@code calls} calls fail; -1 fails every call. */
    void failNext(int calls) {
        remaining.set(calls);
    }

    void stop() {
        remaining.set(0);
    }

    /** Throws a 500 {@code InternalError} when this call is one to fail. */
    void maybeFail() {
        int left = remaining.getAndUpdate(n -> n > 0 ? n - 1 : n);
        if (left != 0) {
            throw SnsError.internal("Injected failure: the local SNS stand-in was told to fail publishes");
        }
    }
}
