package io.eventsuite.domain.user;

import io.eventsuite.domain.common.Caller;
import io.eventsuite.domain.common.EventId;
import io.eventsuite.domain.common.IdGenerator;
import io.eventsuite.domain.event.AfterCommit;
import io.eventsuite.domain.event.EventEnvelope;
import io.eventsuite.domain.event.EventPublisher;
import io.eventsuite.domain.event.EventSources;
import io.eventsuite.domain.event.UserUpdated;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Use case: change a user's details with optimistic concurrency; emits {@link UserUpdated} carrying the
 * whole new state. A stale expected version is a conflict, never a silent overwrite. A new email must be the
 * caller's verified address ({@link Caller#ownAddress}), or nothing is written.
 *
 * <p>Except when the change is already there: the version right after the expected one holds every value the
 * command sets. That is the client's own update retried with the same {@code If-Match} after its answer was lost,
 * and it is answered with that version, as RFC 9110 (13.1.1) allows for a change that appears already applied;
 * nothing is written or published again.
 */
public final class UpdatingUser {

    private final Users users;
    private final Clock clock;
    private final IdGenerator ids;
    private final EventPublisher publisher;

    public UpdatingUser(Users users, Clock clock, IdGenerator ids, EventPublisher publisher) {
        this.users = Objects.requireNonNull(users);
        this.clock = Objects.requireNonNull(clock);
        this.ids = Objects.requireNonNull(ids);
        this.publisher = Objects.requireNonNull(publisher);
    }

    public UpdateResult update(Caller caller, UpdateUser command) {
        Optional<User> found = caller.mayAccess(command.id()) ? users.findById(command.id()) : Optional.empty();
        if (found.isEmpty()) {
            return new UpdateResult.NotFound();
        }
        // Only an address the caller has proven to own: else anyone could point the suite's mail at a stranger.
        command.email().ifPresent(caller::ownAddress);
        User current = found.get();
        if (current.version() != command.expectedVersion()) {
            return conflictUnlessAlreadyApplied(current, command);
        }
        Instant now = clock.instant();
        User next = current.change(command, now);
        List<EventEnvelope> pending = List.of(EventEnvelope.wrap(new EventId(ids.newId()), EventSources.USERS, now,
                new UserUpdated(next.id(), next.version(), next.displayName(), next.email(), next.preferences())));
        if (!users.replace(next, current.version(), pending)) {
            // Someone else got in between our read and our write: report what is there now.
            return users.findById(command.id())
                    .map(winner -> conflictUnlessAlreadyApplied(winner, command))
                    .orElseGet(UpdateResult.NotFound::new);
        }
        AfterCommit.publish(publisher, pending);
        return new UpdateResult.Updated(next);
    }

    private static UpdateResult conflictUnlessAlreadyApplied(User current, UpdateUser command) {
        boolean applied = current.version() == command.expectedVersion() + 1
                && command.displayName().map(current.displayName()::equals).orElse(true)
                && command.email().map(current.email()::equals).orElse(true)
                && command.preferences().map(current.preferences()::equals).orElse(true);
        return applied ? new UpdateResult.Updated(current) : new UpdateResult.VersionConflict(current.version());
    }
}
