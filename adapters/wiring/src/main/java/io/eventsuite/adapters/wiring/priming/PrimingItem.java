package io.eventsuite.adapters.wiring.priming;

import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An item the {@link InMemoryAwsAnswers} hand back to a GetItem on {@code table} whose key matches it, during in-memory
 * priming only: what lets a read route or a consumer find what it looks for (an order, a recipient) and walk its
 * success path. Every other GetItem is answered "not found".
 *
 * @param table the table's name, as the function's environment gives it
 * @param item  the whole item, key attributes included
 */
public record PrimingItem(String table, Map<String, AttributeValue> item) {

    public PrimingItem {
        Objects.requireNonNull(table, "table");
        item = Map.copyOf(item);
    }
}
