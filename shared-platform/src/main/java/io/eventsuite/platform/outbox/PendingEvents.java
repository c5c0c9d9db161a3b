package io.eventsuite.platform.outbox;

import java.util.List;

/**
 * Port of the transactional outbox: events written in the same single-item write as their aggregate and
 * not yet published (DynamoDB has no transactions here, so the event travels inside the aggregate's item).
 *
 * <p>The publisher removes events from here once SNS has accepted them; the scheduled relay reads what is
 * left, oldest first, and publishes it again. An event published twice is harmless: consumers deduplicate on
 * its id. An event never published would be a loss, so removal happens only after SNS said yes.
 */
public interface PendingEvents {

    /** Aggregates that still hold unpublished events, oldest first; at most {@code limit} aggregates. */
    List<PendingBatch> oldest(int limit);

    /** Forgets these events of this aggregate; events not (or no longer) pending are ignored. */
    void markPublished(String aggregateId, List<String> eventIds);
}
