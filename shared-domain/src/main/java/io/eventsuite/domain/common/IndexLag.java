package io.eventsuite.domain.common;

/**
 * Port: the time a secondary index may trail its table (DynamoDB's global secondary indexes are eventually
 * consistent). A use case that must not miss an item written just before it runs (a purge, the cancellation
 * of a deleted user's orders) reads the index, waits this out, and reads it again.
 */
@FunctionalInterface
public interface IndexLag {

    /** For stores whose indexes are consistent with their table (the in-memory fakes). */
    IndexLag NONE = () -> {
    };

    /** Returns once an item written before the call is visible in the index (within the adapter's bound). */
    void waitOut();
}
