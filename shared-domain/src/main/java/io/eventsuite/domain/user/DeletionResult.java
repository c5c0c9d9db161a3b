package io.eventsuite.domain.user;

/** What deleting did. */
public sealed interface DeletionResult {

    record Deleted() implements DeletionResult {
    }

    /** No such user, or not one the caller may delete (the same answer on purpose, see {@code Caller}). */
    record NotFound() implements DeletionResult {
    }
}
