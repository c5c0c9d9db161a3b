package io.eventsuite.platform.outbox;

import io.eventsuite.domain.idempotency.NothingWritten;

/**
 * A write refused because its aggregate already holds as many unpublished events as one item may keep (the events
 * travel inside the aggregate's item, and DynamoDB caps an item at 400 KB). It happens only when publishing has
 * failed for a long time; nothing was written, and the same request can succeed once the relay has caught up.
 * HTTP answers it with {@code 503 urn:eventsuite:problem:event-backlog-full}. The repository throws it only for a
 * write that did not happen (its own committed write is recognised first, see the DynamoDB adapter's
 * {@code OwnWrite}), so it releases an idempotency key ({@link NothingWritten}) and the client may retry at once.
 */
public final class PendingEventsFull extends RuntimeException implements NothingWritten {

    private static final long serialVersionUID = 1L;

    private final int limit;

    public PendingEventsFull(int limit) {
        super("the aggregate already holds " + limit + " unpublished events, the most one item may keep", null,
                false, false);
        this.limit = limit;
    }

    public int limit() {
        return limit;
    }
}
