package io.eventsuite.domain.common;

import java.util.Locale;

/**
 * An email address a notification can be sent to.
 *
 * <p>Deliberately simple: trimmed, at most 254 characters, exactly one {@code @}, a non-empty local part
 * and a domain containing a dot, no whitespace. The domain is lower-cased because it is case-insensitive;
 * the local part is kept as given because, strictly, it is not.
 *
 * <p>{@link #toString()} masks the address: it is personal data and must never reach a log line by accident.
 * Use {@link #value()} to read it.
 */
public record Email(String value) {

    public static final int MAX_LENGTH = 254;

    public Email {
        Violations v = new Violations();
        String trimmed = value == null ? "" : value.strip();
        if (trimmed.isEmpty()) {
            v.add("email", "must not be blank");
        } else {
            v.check(trimmed.length() <= MAX_LENGTH, "email", "must be at most " + MAX_LENGTH + " characters");
            v.check(isWellFormed(trimmed), "email", "must look like name@example.com");
        }
        v.throwIfAny();
        int at = trimmed.indexOf('@');
        value = trimmed.substring(0, at + 1) + trimmed.substring(at + 1).toLowerCase(Locale.ROOT);
    }

    private static boolean isWellFormed(String address) {
        int at = address.indexOf('@');
        if (at <= 0 || at != address.lastIndexOf('@') || address.chars().anyMatch(Character::isWhitespace)) {
            return false;
        }
        String domain = address.substring(at + 1);
        int dot = domain.indexOf('.');
        return dot > 0 && !domain.endsWith(".");
    }

    @Override
    public String toString() {
        return value.charAt(0) + "***" + value.substring(value.indexOf('@'));
    }
}
