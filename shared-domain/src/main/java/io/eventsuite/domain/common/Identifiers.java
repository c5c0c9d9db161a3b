package io.eventsuite.domain.common;

import java.util.regex.Pattern;

/** The one rule every identifier in the suite follows, so ids are safe in URLs, keys and logs. */
final class Identifiers {

    static final int MAX_LENGTH = 128;
    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9_-]+");

    private Identifiers() {
    }

    static void validate(String value, String field) {
        Violations v = new Violations();
        if (value == null || value.isBlank()) {
            v.add(field, "must not be blank");
        } else {
            v.check(value.length() <= MAX_LENGTH, field, "must be at most " + MAX_LENGTH + " characters");
            v.check(ALLOWED.matcher(value).matches(), field, "may contain only letters, digits, '_' and '-'");
        }
        v.throwIfAny();
    }
}
