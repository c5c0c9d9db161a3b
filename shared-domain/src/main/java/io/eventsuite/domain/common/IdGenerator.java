package io.eventsuite.domain.common;

/**
 * Port: produces fresh, unique identifiers for new orders and events.
 *
 * <p>A port rather than {@code UUID.randomUUID()} inline so tests get predictable ids. Every value must be a
 * valid identifier (at most 128 characters of {@code [A-Za-z0-9_-]}); the platform uses random UUIDs.
 * Time has no port of its own: use cases take a {@link java.time.Clock}.
 */
@FunctionalInterface
public interface IdGenerator {

    String newId();
}
