package io.eventsuite.domain.user;

/** What updating did. */
public sealed interface UpdateResult {

    record Updated(User user) implements UpdateResult {
    }

    /** No such user, or not one the caller may change (the same answer on purpose, see {@code Caller}). */
    record NotFound() implements UpdateResult {
    }

    /** The client's copy is stale; it should read the user again (HTTP 412 with If-Match, else 409). */
    record VersionConflict(long currentVersion) implements UpdateResult {
    }
}
