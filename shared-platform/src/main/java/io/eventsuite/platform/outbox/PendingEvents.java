package io.eventsuite.platform.outbox;

import java.time.Instant;
import java.util.List;

/**
 * Port of the transactional outbox: events written in the same single-item write as their aggregate and
 * not yet published (DynamoDB has no transactions here, so the event travels inside the aggregate's item).
 *
 * <p>The publisher removes events from here once SNS has accepted them; the scheduled relay reads what is
 * left, oldest first, and publishes it again. An event published twice is harmless: consumers deduplicate on
 * its id. An event never published would be a loss, so removal happens only after SNS said yes.
 *
 * <p>An event SNS refuses as the sender's fault (a poison event) is counted each time; once refused
 * {@code maxRefusals} times it is parked: kept in its aggregate's item, no longer relayed, counted by
 * {@link #parkedCount()}, until an operator redrives it (docs/deployment.md).
 */
public interface PendingEvents {

    /** Aggregates that still hold unpublished events, oldest first; at most {@code limit} aggregates. */
    default List<PendingBatch> oldest(int limit) {
        return oldest(limit, Instant.MAX);
    }

    /**
     * Like {@link #oldest(int)}, with only the events written before {@code writtenBefore} (younger ones are the
     * request's own to publish; the relay leaves them alone). Parked events are never listed.
     */
    List<PendingBatch> oldest(int limit, Instant writtenBefore);

    /** Forgets these events of this aggregate; events not (or no longer) pending are ignored. */
    void markPublished(String aggregateId, List<String> eventIds);

    /**
     * Counts one refusal of each of these pending events of this aggregate and parks those refused
     * {@code maxRefusals} times or more.
     *
     * @return the ids parked by this call
     */
    List<String> recordRefusals(String aggregateId, List<String> eventIds, int maxRefusals);

    /** How many events are parked, in all aggregates. */
    int parkedCount();
}
