package io.eventsuite.domain.user;

import io.eventsuite.domain.common.UserId;
import io.eventsuite.domain.event.EventEnvelope;

import java.util.List;
import java.util.Optional;

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
     * Stores a new user. {@code false} when a user with this id exists. The tombstone of an erased user does
     * not count as existing: it is replaced, carrying over any events still pending so that none is lost.
     */
    boolean add(User user, List<EventEnvelope> pending);

    /** Replaces the user if the stored version is still {@code expectedVersion}; {@code false} otherwise or when gone. */
    boolean replace(User user, long expectedVersion, List<EventEnvelope> pending);

    /**
     * Erases the user's personal data if the stored version is still {@code expectedVersion}. What remains is a
     * tombstone holding the pending events until they are relayed. {@code false} on a version mismatch or when gone.
     */
    boolean erase(UserId id, long expectedVersion, List<EventEnvelope> pending);
}
