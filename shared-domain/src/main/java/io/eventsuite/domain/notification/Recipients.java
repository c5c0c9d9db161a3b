package io.eventsuite.domain.notification;

import io.eventsuite.domain.common.UserId;

import java.util.Optional;

/**
 * Port: the notification service's projection of users, kept by version.
 *
 * <p>Each id holds either a recipient or, once the user was erased, a tombstone carrying the erasure's version
 * and nothing personal. Both writes below store only what is strictly newer than what is there, recipient or
 * tombstone, in one conditional write: so user events may arrive in any order and any number of times, and an
 * event of an erased life can never bring its personal data back.
 */
public interface Recipients {

    /** What is stored for the id. */
    RecipientState find(UserId id);

    /** The recipient, empty when unknown or erased. */
    default Optional<Recipient> findById(UserId id) {
        return find(id) instanceof RecipientState.Known known ? Optional.of(known.recipient()) : Optional.empty();
    }

    /**
     * Stores the recipient unless a recipient or tombstone with the same or a greater version is stored.
     * Returns whether it was stored.
     */
    boolean upsertIfNewer(Recipient recipient);

    /**
     * Replaces what is stored with a tombstone at {@code version} (the erasure's), unless a recipient or tombstone
     * with the same or a greater version is stored (a later registration of the id, or this erasure again).
     * The tombstone holds the id and the version only. Returns whether it was stored.
     */
    boolean eraseIfNewer(UserId id, long version);
}
