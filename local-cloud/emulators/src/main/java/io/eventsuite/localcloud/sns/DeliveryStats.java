package io.eventsuite.localcloud.sns;

/**
 * What the stand-in did with published messages, per subscription delivery, since it started.
 *
 * @param delivered deliveries accepted by the subscribed queue
 * @param filteredOut deliveries a filter policy skipped
 * @param retried extra attempts after a failed send
 * @param deadLettered deliveries that failed and went to the subscription's redrive dead-letter queue
 * @param dropped deliveries that failed with no (working) dead-letter queue: lost, as on AWS
 * @param droppedTooManyAttributes raw deliveries not sent because the message had more than 10 attributes
 */
public record DeliveryStats(long delivered, long filteredOut, long retried, long deadLettered, long dropped,
                            long droppedTooManyAttributes) {
}
