package io.eventsuite.adapters.dynamodb;

import io.eventsuite.domain.common.OrderId;
import io.eventsuite.domain.common.Page;
import io.eventsuite.domain.common.PageRequest;
import io.eventsuite.domain.common.UserId;
import io.eventsuite.domain.event.EventEnvelope;
import io.eventsuite.domain.order.Order;
import io.eventsuite.domain.order.Orders;
import io.eventsuite.platform.events.CloudEventCodec;
import io.eventsuite.platform.observability.CurrentTransportContext;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * {@link Orders} on a DynamoDB table keyed by {@code id}, with the {@code by-customer} index for listing. Each write
 * is one conditional PutItem or UpdateItem storing the order with its pending events, and recognises its own
 * commit when the SDK retried it after a lost response ({@link OwnWrite}).
 */
public final class DynamoDbOrders implements Orders {

    private final DynamoDbClient dynamo;
    private final String table;
    private final PendingEventItems outbox;
    private final NewestFirstPages byCustomer;

    /** @param cursorKey signs page cursors: at least 32 random bytes, the same for every instance of the service */
    public DynamoDbOrders(DynamoDbClient dynamo, String table, CloudEventCodec codec, byte[] cursorKey) {
        this(dynamo, table, codec, PageCursors.checkedNow(cursorKey));
    }

    /**
     * @param cursorKey asked for the key that signs page cursors when a page is first listed, so that functions that
     *                  never list orders need no key
     */
    public DynamoDbOrders(DynamoDbClient dynamo, String table, CloudEventCodec codec, Supplier<byte[]> cursorKey) {
        this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
        this.table = Objects.requireNonNull(table, "table");
        this.outbox = new PendingEventItems(codec, CurrentTransportContext::get);
        this.byCustomer = new NewestFirstPages(dynamo, table, TableDefinitions.BY_CUSTOMER_INDEX,
                OrderItems.CUSTOMER_ID, OrderItems.PLACED_AT, PageCursors.signedWith(cursorKey),
                OrderItems.ORDER_ATTRIBUTES);
    }

    @Override
    public Optional<Order> findById(OrderId id) {
        return Items.get(dynamo, table, OrderItems.key(id), OrderItems.ORDER_ATTRIBUTES)
                .map(item -> OrderItems.read(table, item));
    }

    /** {@code false} when the id exists; a retry of this very write (the SDK's, after a lost response) is recognised. */
    @Override
    public boolean add(Order order, List<EventEnvelope> pending) {
        OwnWrite write = new OwnWrite();
        Expressions condition = new Expressions();
        try {
            dynamo.putItem(b -> b.tableName(table)
                    .item(write.stamp(OrderItems.newItem(order, outbox.newItemAttributes(pending))))
                    .conditionExpression("attribute_not_exists(" + condition.name(OrderItems.ID) + ")")
                    .expressionAttributeNames(condition.names())
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            return true;
        } catch (ConditionalCheckFailedException exists) {
            return write.committedDespite(exists, dynamo, table, OrderItems.key(order.id()));
        }
    }

    @Override
    public boolean replace(Order order, long expectedVersion, List<EventEnvelope> pending) {
        OwnWrite write = new OwnWrite();
        Expressions update = write.stamp(new Expressions());
        OrderItems.setAll(update, order);
        outbox.addTo(update, pending);
        String condition = update.name(OrderItems.VERSION) + " = " + update.value(Attributes.n(expectedVersion));
        try {
            dynamo.updateItem(b -> b.tableName(table).key(OrderItems.key(order.id()))
                    .updateExpression(update.update())
                    .conditionExpression(update.conditionWith(condition))
                    .expressionAttributeNames(update.names())
                    .expressionAttributeValues(update.values())
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            return true;
        } catch (ConditionalCheckFailedException staleOrGoneOrFull) {
            return write.committedDespite(staleOrGoneOrFull, pending.size(), dynamo, table,
                    OrderItems.key(order.id()));
        }
    }

    @Override
    public Page<Order> findByCustomer(UserId customerId, PageRequest page) {
        return byCustomer.page(customerId.value(), page).map(item -> OrderItems.read(table, item));
    }
}
