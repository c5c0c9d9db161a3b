package io.eventsuite.adapters.dynamodb;

import io.eventsuite.domain.common.Money;
import io.eventsuite.domain.common.OrderId;
import io.eventsuite.domain.common.UserId;
import io.eventsuite.domain.idempotency.RequestKey;
import io.eventsuite.domain.order.Order;
import io.eventsuite.domain.order.OrderLine;
import io.eventsuite.domain.order.OrderStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** An order as an item of the orders table; {@code customerId} and {@code placedAt} key the by-customer index. */
final class OrderItems {

    static final String ID = "id";
    static final String CUSTOMER_ID = "customerId";
    static final String LINES = "lines";
    static final String SKU = "sku";
    static final String QUANTITY = "quantity";
    static final String UNIT_PRICE = "unitPrice";
    static final String TOTAL = "total";
    static final String MINOR_UNITS = "minorUnits";
    static final String CURRENCY = "currency";
    static final String STATUS = "status";
    static final String VERSION = "version";
    static final String PLACED_AT = "placedAt";
    static final String UPDATED_AT = "updatedAt";
    static final String CANCELLATION_REASON = "cancellationReason";
    /** The request key of the request that cancelled the order, if it had one. */
    static final String CANCELLED_BY = "cancelledBy";

    /** What reading an order needs: everything but the outbox. */
    static final List<String> ORDER_ATTRIBUTES = List.of(ID, CUSTOMER_ID, LINES, TOTAL, STATUS, VERSION, PLACED_AT,
            UPDATED_AT, CANCELLATION_REASON, CANCELLED_BY);

    private OrderItems() {
    }

    static Map<String, AttributeValue> key(OrderId id) {
        return Items.key(ID, id.value());
    }

    static Map<String, AttributeValue> newItem(Order order, Map<String, AttributeValue> outbox) {
        Map<String, AttributeValue> item = new LinkedHashMap<>(attributes(order));
        item.put(ID, Attributes.s(order.id().value()));
        item.putAll(outbox);
        return item;
    }

    /** Sets every attribute of the order (not the key) and removes a reason it no longer has. */
    static void setAll(Expressions update, Order order) {
        attributes(order).forEach(update::set);
        if (order.cancellationReason().isEmpty()) {
            update.remove(CANCELLATION_REASON);
        }
        if (order.cancelledBy().isEmpty()) {
            update.remove(CANCELLED_BY);
        }
    }

    private static Map<String, AttributeValue> attributes(Order order) {
        Map<String, AttributeValue> attributes = new LinkedHashMap<>();
        attributes.put(CUSTOMER_ID, Attributes.s(order.customerId().value()));
        attributes.put(LINES, AttributeValue.fromL(order.lines().stream().map(OrderItems::line).toList()));
        attributes.put(TOTAL, money(order.total()));
        attributes.put(STATUS, Attributes.s(order.status().name()));
        attributes.put(VERSION, Attributes.n(order.version()));
        attributes.put(PLACED_AT, Attributes.instant(order.placedAt()));
        attributes.put(UPDATED_AT, Attributes.instant(order.updatedAt()));
        order.cancellationReason().ifPresent(reason -> attributes.put(CANCELLATION_REASON, Attributes.s(reason)));
        order.cancelledBy().ifPresent(request -> attributes.put(CANCELLED_BY, Attributes.s(request.value())));
        return attributes;
    }

    private static AttributeValue line(OrderLine line) {
        return AttributeValue.fromM(Map.of(
                SKU, Attributes.s(line.sku()),
                QUANTITY, Attributes.n(line.quantity()),
                UNIT_PRICE, money(line.unitPrice())));
    }

    private static AttributeValue money(Money money) {
        return AttributeValue.fromM(Map.of(
                MINOR_UNITS, Attributes.n(money.minorUnits()),
                CURRENCY, Attributes.s(money.currency())));
    }

    static Order read(String table, Map<String, AttributeValue> item) {
        return CorruptItem.guard(table, () -> new Order(
                new OrderId(Attributes.string(item, ID)),
                new UserId(Attributes.string(item, CUSTOMER_ID)),
                Attributes.list(item, LINES).stream().map(OrderItems::readLine).toList(),
                readMoney(Attributes.map(item, TOTAL)),
                OrderStatus.valueOf(Attributes.string(item, STATUS)),
                Attributes.number(item, VERSION),
                Attributes.instant(item, PLACED_AT),
                Attributes.instant(item, UPDATED_AT),
                Attributes.optionalString(item, CANCELLATION_REASON),
                Attributes.optionalString(item, CANCELLED_BY).map(RequestKey::new)));
    }

    private static OrderLine readLine(AttributeValue value) {
        Map<String, AttributeValue> line = Attributes.map(value, "order line");
        return new OrderLine(Attributes.string(line, SKU), Math.toIntExact(Attributes.number(line, QUANTITY)),
                readMoney(Attributes.map(line, UNIT_PRICE)));
    }

    private static Money readMoney(Map<String, AttributeValue> money) {
        return new Money(Attributes.number(money, MINOR_UNITS), Attributes.string(money, CURRENCY));
    }
}
