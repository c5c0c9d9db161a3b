package io.eventsuite.adapters.dynamodb;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Deletes by key in BatchWriteItem calls of at most 25, resending what DynamoDB leaves unprocessed with a short
 * capped backoff. Only for deletions that need no atomicity (a purge that is simply repeated if it fails).
 */
final class BatchDeletes {

    static final int MAX_BATCH = 25;
    private static final int MAX_ROUNDS = 8;
    private static final Duration FIRST_PAUSE = Duration.ofMillis(20);
    private static final Duration MAX_PAUSE = Duration.ofMillis(500);

    private final DynamoDbClient dynamo;
    private final String table;

    BatchDeletes(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    void delete(List<Map<String, AttributeValue>> keys) {
        for (int from = 0; from < keys.size(); from += MAX_BATCH) {
            List<WriteRequest> batch = keys.subList(from, Math.min(from + MAX_BATCH, keys.size())).stream()
                    .map(key -> WriteRequest.builder().deleteRequest(DeleteRequest.builder().key(key).build()).build())
                    .toList();
            send(batch);
        }
    }

    private void send(List<WriteRequest> batch) {
        List<WriteRequest> left = batch;
        Duration pause = FIRST_PAUSE;
        for (int round = 0; round < MAX_ROUNDS && !left.isEmpty(); round++) {
            if (round > 0) {
                sleep(pause);
                pause = pause.multipliedBy(2).compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause.multipliedBy(2);
            }
            List<WriteRequest> sending = left;
            BatchWriteItemResponse response = dynamo.batchWriteItem(b -> b.requestItems(Map.of(table, sending)));
            left = response.hasUnprocessedItems()
                    ? new ArrayList<>(response.unprocessedItems().getOrDefault(table, List.of()))
                    : List.of();
        }
        if (!left.isEmpty()) {
            throw new IllegalStateException(left.size() + " deletions in table " + table
                    + " stayed unprocessed; the purge is idempotent and may be retried");
        }
    }

    private void sleep(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while deleting from " + table, e);
        }
    }
}
