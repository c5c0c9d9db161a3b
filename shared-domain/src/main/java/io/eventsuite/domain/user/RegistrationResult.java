package io.eventsuite.domain.user;

/** What registering did. */
public sealed interface RegistrationResult {

    /** The user is new (HTTP 201). */
    record Registered(User user) implements RegistrationResult {
    }

    /** The caller was registered already; nothing changed and no event was emitted (HTTP 409 or 200, the adapter's call). */
    record AlreadyRegistered(User existing) implements RegistrationResult {
    }
}
