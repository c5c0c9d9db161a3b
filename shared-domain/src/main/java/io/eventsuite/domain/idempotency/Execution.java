package io.eventsuite.domain.idempotency;

/** How a request with an idempotency key was answered. */
public sealed interface Execution {

    /** The action ran now. */
    record Fresh(String result) implements Execution {
    }

    /** The action ran before; this is the result it gave then. */
    record Replayed(String result) implements Execution {
    }

    /** The action did not run. */
    record Rejected(Reason reason) implements Execution {
    }

    enum Reason {
        /** The first request with this key is still running (HTTP 409). */
        IN_PROGRESS,
        /** The key was used before with a different request (HTTP 422). */
        KEY_REUSED_WITH_DIFFERENT_REQUEST
    }
}
