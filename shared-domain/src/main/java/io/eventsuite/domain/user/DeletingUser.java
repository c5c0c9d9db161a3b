package io.eventsuite.domain.user;

import io.eventsuite.domain.common.Caller;
import io.eventsuite.domain.common.EventId;
import io.eventsuite.domain.common.IdGenerator;
import io.eventsuite.domain.common.UserId;
import io.eventsuite.domain.event.AfterCommit;
import io.eventsuite.domain.event.EventEnvelope;
import io.eventsuite.domain.event.EventPublisher;
import io.eventsuite.domain.event.EventSources;
import io.eventsuite.domain.event.UserDeleted;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Use case: a user (or an administrator) deletes the account; emits {@link UserDeleted}, on which the other
 * services erase what they hold. Deletion does not take a version from the client: the user wants to be
 * gone whatever changed meanwhile, so a lost race with a concurrent update is retried once.
 */
public final class DeletingUser {

    private static final int ATTEMPTS = 2;

    private final Users users;
    private final Clock clock;
    private final IdGenerator ids;
    private final EventPublisher publisher;

    public DeletingUser(Users users, Clock clock, IdGenerator ids, EventPublisher publisher) {
        this.users = Objects.requireNonNull(users);
        this.clock = Objects.requireNonNull(clock);
        this.ids = Objects.requireNonNull(ids);
        this.publisher = Objects.requireNonNull(publisher);
    }

    /**
     * @throws IllegalStateException when the user changed under us on both attempts, which takes two
     *                               concurrent updates within milliseconds; the client may simply retry
     */
    public DeletionResult delete(Caller caller, UserId id) {
        if (!caller.mayAccess(id)) {
            return new DeletionResult.NotFound();
        }
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<User> found = users.findById(id);
            if (found.isEmpty()) {
                return new DeletionResult.NotFound();
            }
            Instant now = clock.instant();
            List<EventEnvelope> pending = List.of(
                    EventEnvelope.wrap(new EventId(ids.newId()), EventSources.USERS, now,
                            new UserDeleted(id, found.get().version() + 1)));
            if (users.erase(id, found.get().version(), pending)) {
                AfterCommit.publish(publisher, pending);
                return new DeletionResult.Deleted();
            }
        }
        if (users.findById(id).isEmpty()) {
            return new DeletionResult.NotFound();
        }
        throw new IllegalStateException("user " + id + " kept changing while being deleted");
    }
}
