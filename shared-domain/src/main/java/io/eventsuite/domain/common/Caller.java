package io.eventsuite.domain.common;

import java.util.Objects;

/**
 * Who is acting: the authenticated user behind a request, taken from the token's claims.
 *
 * <p>Object-level authorization (OWASP API1, broken object level authorization) lives here so every use
 * case applies the same rule. <strong>Decision:</strong> reading or changing another user's resource answers
 * "not found" (404), never "forbidden" (403). A 403 would confirm that the id exists, which lets a caller
 * probe for other users' orders; answering as if it did not exist reveals nothing.
 *
 * @param id    the caller's user id (the token's {@code sub})
 * @param admin whether the caller holds the administrator role, which may access every user's resources
 */
public record Caller(UserId id, boolean admin) {

    public Caller {
        Objects.requireNonNull(id, "id");
    }

    public static Caller user(UserId id) {
        return new Caller(id, false);
    }

    public static Caller admin(UserId id) {
        return new Caller(id, true);
    }

    /** Whether this caller may read or change a resource owned by {@code owner}. */
    public boolean mayAccess(UserId owner) {
        return admin || id.equals(owner);
    }
}
