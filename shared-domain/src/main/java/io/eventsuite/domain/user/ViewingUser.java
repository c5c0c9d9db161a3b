package io.eventsuite.domain.user;

import io.eventsuite.domain.common.Caller;
import io.eventsuite.domain.common.UserId;

import java.util.Objects;
import java.util.Optional;

/** Use case: read a user; only the user themselves or an administrator may. */
public final class ViewingUser {

    private final Users users;

    public ViewingUser(Users users) {
        this.users = Objects.requireNonNull(users);
    }

    /** The user, or empty when it does not exist or the caller may not see it (indistinguishable on purpose). */
    public Optional<User> view(Caller caller, UserId id) {
        if (!caller.mayAccess(id)) {
            return Optional.empty();
        }
        return users.findById(id);
    }
}
