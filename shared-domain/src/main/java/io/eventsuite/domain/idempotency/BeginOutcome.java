package io.eventsuite.domain.idempotency;

/** What the store says when a request with an idempotency key begins. */
public sealed interface BeginOutcome {

    /** The key is new (or its earlier use expired): this request now holds it and must run. */
    record Started() implements BeginOutcome {
    }

    /** The same request completed before: answer with its stored result. */
    record Replay(String result) implements BeginOutcome {
    }

    /** The same key is held by a request still running (or one that died less than the lock time ago). */
    record InProgress() implements BeginOutcome {
    }

    /** The key was used with a different request. */
    record Mismatch() implements BeginOutcome {
    }
}
