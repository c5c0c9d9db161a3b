package io.eventsuite.domain.notification;

import io.eventsuite.domain.common.UserId;

import java.util.Optional;

/** Port: the notification service's projection of users. */
public interface Recipients {

    Optional<Recipient> findById(UserId id);

    /**
     * Stores the recipient unless the stored one has the same or a greater version, which makes applying user
     * events idempotent and indifferent to their order. Returns whether it was stored.
     */
    boolean upsertIfNewer(Recipient recipient);

    /** Forgets the recipient; nothing happens when it is unknown. */
    void delete(UserId id);
}
