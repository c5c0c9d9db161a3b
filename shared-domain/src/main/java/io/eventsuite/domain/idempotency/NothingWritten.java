package io.eventsuite.domain.idempotency;

/**
 * Marks an exception that is thrown only before an action wrote anything: a request refused as invalid, a handler
 * asking for a later retry. {@link IdempotentExecution} releases the key for these alone, so that the client may
 * correct the request and send it again at once. Any other failure may come after a write committed (a lost
 * response, a timeout), and then the key stays claimed until its lock expires.
 */
public interface NothingWritten {
}
