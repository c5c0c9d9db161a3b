package io.eventsuite.domain.common;

import java.util.Objects;
import java.util.Optional;

/**
 * Who is acting: the authenticated user behind a request, taken from the token's claims.
 *
 * <p>Object-level authorization (OWASP API1, broken object level authorization) lives here so every use
 * case applies the same rule. <strong>Decision:</strong> reading or changing another user's resource answers
 * "not found" (404), never "forbidden" (403). A 403 would confirm that the id exists, which lets a caller
 * probe for other users' orders; answering as if it did not exist reveals nothing.
 *
 * @param id            the caller's user id (the token's {@code sub})
 * @param admin         whether the caller holds the administrator role, which may access every user's resources
 * @param verifiedEmail the address the identity provider has verified the caller receives mail at, if the
 *                      token says so; the only address the suite will send the caller's mail to
 */
public record Caller(UserId id, boolean admin, Optional<Email> verifiedEmail) {

    public Caller {
        Objects.requireNonNull(id, "id");
        verifiedEmail = Objects.requireNonNullElse(verifiedEmail, Optional.empty());
    }

    public Caller(UserId id, boolean admin) {
        this(id, admin, Optional.empty());
    }

    public static Caller user(UserId id) {
        return new Caller(id, false);
    }

    public static Caller admin(UserId id) {
        return new Caller(id, true);
    }

    public Caller withVerifiedEmail(Email email) {
        return new Caller(id, admin, Optional.of(email));
    }

    /** Whether this caller may read or change a resource owned by {@code owner}. */
    public boolean mayAccess(UserId owner) {
        return admin || id.equals(owner);
    }

    /**
     * The address to store for this caller when they name {@code claimed}: their verified email, provided it
     * is the one they named (letters compared without case, as mail systems do). Anything else would let a
     * caller make the suite mail a stranger, so it is refused with {@link UnverifiedEmail}.
     */
    public Email ownAddress(Email claimed) {
        Objects.requireNonNull(claimed, "claimed");
        Email verified = verifiedEmail.orElseThrow(() -> new UnverifiedEmail(
                "your token carries no verified email; verify your address with the identity provider and sign in again"));
        if (!verified.value().equalsIgnoreCase(claimed.value())) {
            throw new UnverifiedEmail("the email must be the verified address of your token; to change it, verify "
                    + "the new address with the identity provider, sign in again and repeat the request");
        }
        return verified;
    }
}
