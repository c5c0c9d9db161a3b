package io.eventsuite.adapters.dynamodb;

import io.eventsuite.domain.order.Order;
import java.util.Map;

/**
 * For SnapStart priming: a domain object mapped to its item and back, in memory, so that the mapping code has run
 * once before the snapshot rather than on the first request that finds an item. Nothing is read or written.
 */
public final class PrimingMappings {

    private PrimingMappings() {
    }

    /** {@code sample} to its orders-table item and back; answers the order read back. */
    public static Order order(Order sample) {
        return OrderItems.read("snapstart-priming", OrderItems.newItem(sample, Map.of()));
    }
}
