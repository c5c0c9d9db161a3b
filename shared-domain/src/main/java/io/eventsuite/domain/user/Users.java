package io.eventsuite.domain.user;

import io.eventsuite.domain.common.UserId;
import io.eventsuite.domain.event.EventEnvelope;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Port: the registered users (a DynamoDB table in AWS).
 *
 * <p>Every write stores the user together with the events it produced ({@code pending}) in one single-item
 * conditional write: either both are stored or neither. Pending events stay with the item until published,
 * so an event can never be lost between "saved" and "sent". Writes answer {@code false} when their condition
 * fails; they throw only for infrastructure failures.
 */
public interface Users {

    /** The user, empty when there is none or it was erased. */
    Optional<User> findById(UserId id);

    /**
     * The version an erased user's tombstone keeps (the erasure's, one after the user's last); empty when the id
     * is live or was never registered. A new registration of the id continues from it.
     */
    OptionalLong erasedVersion(UserId id);

    /**
     * Stores a new user: at version 1 where the id was never registered, or at the version after an erased user's
     * tombstone, which it replaces, carrying over any events still pending so that none is lost. {@code false} when
     * a live user with this id exists, or when the tombstone's version is not the one before {@code user.version()}
     * (the id was registered and erased again meanwhile).
     */
    boolean add(User user, List<EventEnvelope> pending);

    /** Replaces the user if the stored version is still {@code expectedVersion}; {@code false} otherwise or when gone. */
    boolean replace(User user, long expectedVersion, List<EventEnvelope> pending);

    /**
     * Erases the user's personal data if the stored version is still {@code expectedVersion}. What remains is a
     * tombstone with the erasure's version, {@code expectedVersion + 1}, and the pending events until they are
     * relayed; nothing personal. It is kept, so a later registration of the id continues the version sequence.
     * {@code false} on a version mismatch or when gone.
     */
    boolean erase(UserId id, long expectedVersion, List<EventEnvelope> pending);
}
