package io.eventsuite.domain.user;

import io.eventsuite.domain.common.EventId;
import io.eventsuite.domain.common.IdGenerator;
import io.eventsuite.domain.event.AfterCommit;
import io.eventsuite.domain.event.EventEnvelope;
import io.eventsuite.domain.event.EventPublisher;
import io.eventsuite.domain.event.EventSources;
import io.eventsuite.domain.event.UserRegistered;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Use case: a caller registers themselves; emits {@link UserRegistered}. An id registered again after its
 * erasure continues its version sequence from the erasure's, so versions never repeat across its lives.
 */
public final class RegisteringUser {

    private final Users users;
    private final Clock clock;
    private final IdGenerator ids;
    private final EventPublisher publisher;

    public RegisteringUser(Users users, Clock clock, IdGenerator ids, EventPublisher publisher) {
        this.users = Objects.requireNonNull(users);
        this.clock = Objects.requireNonNull(clock);
        this.ids = Objects.requireNonNull(ids);
        this.publisher = Objects.requireNonNull(publisher);
    }

    public RegistrationResult register(RegisterUser command) {
        Instant now = clock.instant();
        // Two attempts: the existing user we collided with may be erased before we read it back, or the id may
        // be registered and erased again between reading its tombstone and writing.
        for (int attempt = 0; attempt < 2; attempt++) {
            long version = users.erasedVersion(command.id()).orElse(0) + 1;
            User user = User.register(command, version, now);
            List<EventEnvelope> pending = List.of(EventEnvelope.wrap(new EventId(ids.newId()), EventSources.USERS,
                    now, new UserRegistered(user.id(), user.version(), user.displayName(), user.email(),
                            user.preferences())));
            if (users.add(user, pending)) {
                AfterCommit.publish(publisher, pending);
                return new RegistrationResult.Registered(user);
            }
            var existing = users.findById(user.id());
            if (existing.isPresent()) {
                return new RegistrationResult.AlreadyRegistered(existing.get());
            }
        }
        throw new IllegalStateException("user " + command.id() + " keeps appearing and disappearing");
    }
}
