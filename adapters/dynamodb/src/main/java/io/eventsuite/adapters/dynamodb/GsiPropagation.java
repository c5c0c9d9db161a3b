package io.eventsuite.adapters.dynamodb;

import io.eventsuite.domain.common.IndexLag;
import java.time.Duration;
import java.util.Objects;

/**
 * {@link IndexLag} of DynamoDB's global secondary indexes: a pause long enough for an item written before it to
 * appear in the index. AWS documents no upper bound, only that propagation normally takes a fraction of a second
 * (longer while an index is throttled or backfilled); the default of {@value #DEFAULT_MILLIS} ms is that bound with
 * margin. Only the rare erasure consumers wait, once per event, so the pause costs little.
 */
public final class GsiPropagation implements IndexLag {

    public static final long DEFAULT_MILLIS = 1_000;
    public static final Duration DEFAULT = Duration.ofMillis(DEFAULT_MILLIS);

    private final Duration pause;

    public GsiPropagation(Duration pause) {
        this.pause = Objects.requireNonNull(pause, "pause");
        if (pause.isNegative()) {
            throw new IllegalArgumentException("pause must not be negative");
        }
    }

    public Duration pause() {
        return pause;
    }

    @Override
    public void waitOut() {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the index to catch up", e);
        }
    }
}
