package io.eventsuite.domain.common;

import java.util.Objects;
import java.util.Optional;

/**
 * Which page of a list to return.
 *
 * <p>The cursor is opaque: repository adapters produce it in {@link Page#nextCursor()} and parse it back,
 * so storage details (keys, sort values) never become part of the HTTP contract. An adapter that cannot
 * parse a cursor throws {@link InvalidInput} on the field {@code cursor}.
 *
 * @param limit  how many items at most, 1 to 100
 * @param cursor where to continue, empty for the first page
 */
public record PageRequest(int limit, Optional<String> cursor) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;
    /** Cursors are small; anything longer is not one of ours and is refused before it reaches storage. */
    public static final int MAX_CURSOR_LENGTH = 2048;

    public PageRequest {
        cursor = Objects.requireNonNullElse(cursor, Optional.<String>empty()).filter(c -> !c.isBlank());
        Violations v = new Violations();
        v.check(limit >= 1 && limit <= MAX_LIMIT, "limit", "must be between 1 and " + MAX_LIMIT);
        v.check(cursor.map(String::length).orElse(0) <= MAX_CURSOR_LENGTH, "cursor", "is not a valid cursor");
        v.throwIfAny();
    }

    /** The first page of at most {@code limit} items. */
    public static PageRequest first(int limit) {
        return new PageRequest(limit, Optional.empty());
    }

    /** The first page of {@link #DEFAULT_LIMIT} items. */
    public static PageRequest first() {
        return first(DEFAULT_LIMIT);
    }

    /** From query parameters, either of which may be absent: no limit means {@link #DEFAULT_LIMIT}. */
    public static PageRequest of(Integer limit, String cursor) {
        return new PageRequest(limit == null ? DEFAULT_LIMIT : limit, Optional.ofNullable(cursor));
    }

    /** The same page size, continuing after {@code nextCursor}. */
    public PageRequest after(String nextCursor) {
        return new PageRequest(limit, Optional.of(nextCursor));
    }
}
