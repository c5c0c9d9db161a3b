package io.eventsuite.domain.testing;

import io.eventsuite.domain.idempotency.IdempotencyStore;

/** The in-memory fake keeps the same promises as the DynamoDB store, claim tokens included. */
class InMemoryIdempotencyStoreTest extends IdempotencyStoreContract {

    private InMemoryIdempotencyStore current;

    @Override
    protected IdempotencyStore newStore() {
        current = new InMemoryIdempotencyStore();
        return current;
    }

    @Override
    protected IdempotencyStore anotherInstanceOfTheStore() {
        return current.anotherInstance();
    }
}
