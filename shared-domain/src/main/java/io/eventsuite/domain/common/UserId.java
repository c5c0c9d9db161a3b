package io.eventsuite.domain.common;

/**
 * Identifies a user: the subject ({@code sub}) of the caller's Cognito token, never chosen by the client.
 *
 * <p>Non-blank, at most 128 characters of {@code [A-Za-z0-9_-]}. Violations are reported on the field
 * {@code userId}; callers that read it from another field rebase them with {@link Violations#attempt}.
 */
public record UserId(String value) {

    public UserId {
        Identifiers.validate(value, "userId");
    }

    @Override
    public String toString() {
        return value;
    }
}
