package io.eventsuite.domain.common;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Collects violations while an input is checked, then throws them all at once.
 *
 * <pre>{@code
 * Violations v = new Violations();
 * v.check(name != null, "displayName", "is required");
 * Email email = v.attempt("email", () -> new Email(raw));
 * v.throwIfAny();
 * }</pre>
 *
 * <p>Not thread-safe; one instance per validation.
 */
public final class Violations {

    private final List<Violation> found = new ArrayList<>();

    /** Records a violation on {@code field} unless {@code condition} holds. Returns the condition. */
    public boolean check(boolean condition, String field, String message) {
        if (!condition) {
            add(field, message);
        }
        return condition;
    }

    public void add(String field, String message) {
        found.add(new Violation(field, message));
    }

    /**
     * Builds a single-valued object (an id, an email) and files its violations under {@code field}.
     *
     * @return the object, or {@code null} when it was invalid: call {@link #throwIfAny()} before using it
     */
    public <T> T attempt(String field, Supplier<T> build) {
        try {
            return build.get();
        } catch (InvalidInput invalid) {
            invalid.violations().forEach(v -> add(field, v.message()));
            return null;
        }
    }

    /**
     * Builds a composite object (money, an order line) and files its violations below {@code prefix},
     * so {@code quantity} inside {@code lines[1]} becomes {@code lines[1].quantity}.
     *
     * @return the object, or {@code null} when it was invalid: call {@link #throwIfAny()} before using it
     */
    public <T> T nested(String prefix, Supplier<T> build) {
        try {
            return build.get();
        } catch (InvalidInput invalid) {
            invalid.violations().forEach(v -> add(prefix + "." + v.field(), v.message()));
            return null;
        }
    }

    public boolean isEmpty() {
        return found.isEmpty();
    }

    public List<Violation> list() {
        return List.copyOf(found);
    }

    public void throwIfAny() {
        if (!found.isEmpty()) {
            throw new InvalidInput(found);
        }
    }
}
