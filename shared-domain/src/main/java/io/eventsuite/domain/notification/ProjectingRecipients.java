package io.eventsuite.domain.notification;

import io.eventsuite.domain.event.UserRegistered;
import io.eventsuite.domain.event.UserUpdated;

import java.util.Objects;

/**
 * Use case (event consumer): keeps the {@link Recipients} projection up to date from user events.
 * Both events carry the whole state with its version, so applying them is "store if newer": idempotent and
 * correct in any order, and refused once the erasure's tombstone (newer than any event of that life) is there.
 */
public final class ProjectingRecipients {

    private final Recipients recipients;

    public ProjectingRecipients(Recipients recipients) {
        this.recipients = Objects.requireNonNull(recipients);
    }

    /** @return whether the projection changed */
    public boolean on(UserRegistered event) {
        return recipients.upsertIfNewer(new Recipient(event.userId(), event.displayName(), event.email(),
                event.preferences(), event.version()));
    }

    /** @return whether the projection changed */
    public boolean on(UserUpdated event) {
        return recipients.upsertIfNewer(new Recipient(event.userId(), event.displayName(), event.email(),
                event.preferences(), event.version()));
    }
}
