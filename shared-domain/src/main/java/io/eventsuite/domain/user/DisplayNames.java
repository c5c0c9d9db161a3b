package io.eventsuite.domain.user;

import io.eventsuite.domain.common.Violations;

/** The rule for a display name, shared by registration and update. */
final class DisplayNames {

    static final int MAX_LENGTH = 100;

    private DisplayNames() {
    }

    /** The trimmed name, or the raw value after recording why it is not acceptable. */
    static String check(String raw, Violations v) {
        if (raw == null || raw.isBlank()) {
            v.add("displayName", "must not be blank");
            return raw;
        }
        String name = raw.strip();
        v.check(name.codePointCount(0, name.length()) <= MAX_LENGTH, "displayName",
                "must be at most " + MAX_LENGTH + " characters");
        // Names end up in email subjects: a line break there is a header injection waiting to happen.
        v.check(name.codePoints().noneMatch(Character::isISOControl), "displayName",
                "must not contain control characters");
        return name;
    }
}
