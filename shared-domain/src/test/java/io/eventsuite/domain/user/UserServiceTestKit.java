package io.eventsuite.domain.user;

import io.eventsuite.domain.testing.InMemoryUsers;
import io.eventsuite.domain.testing.MutableClock;
import io.eventsuite.domain.testing.RecordingEventPublisher;
import io.eventsuite.domain.testing.SequentialIds;

/** The user use cases wired to fakes, as the user-service wires them to adapters. */
class UserServiceTestKit {

    final InMemoryUsers users = new InMemoryUsers();
    final MutableClock clock = new MutableClock();
    final SequentialIds ids = new SequentialIds("evt-");
    final RecordingEventPublisher publisher = new RecordingEventPublisher();

    final RegisteringUser registering = new RegisteringUser(users, clock, ids, publisher);
    final ViewingUser viewing = new ViewingUser(users);
    final UpdatingUser updating = new UpdatingUser(users, clock, ids, publisher);
    final DeletingUser deleting = new DeletingUser(users, clock, ids, publisher);
}
