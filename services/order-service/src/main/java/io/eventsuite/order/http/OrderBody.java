package io.eventsuite.order.http;

import io.eventsuite.domain.common.Money;
import io.eventsuite.domain.order.Order;
import io.eventsuite.domain.order.OrderLine;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** An order as the API shows it; amounts are integers in the currency's minor unit (cents). */
record OrderBody(String id, String customerId, String status, List<LineBody> lines, MoneyBody total, long version,
        Instant placedAt, Instant updatedAt, Optional<String> cancellationReason) {

    static OrderBody of(Order order) {
        return new OrderBody(order.id().value(), order.customerId().value(), order.status().name(),
                order.lines().stream().map(LineBody::of).toList(), MoneyBody.of(order.total()), order.version(),
                order.placedAt(), order.updatedAt(), order.cancellationReason());
    }

    /** A line in requests and responses; boxed so that a missing value is told apart from zero. */
    record LineBody(String sku, Integer quantity, MoneyBody unitPrice) {

        static LineBody of(OrderLine line) {
            return new LineBody(line.sku(), line.quantity(), MoneyBody.of(line.unitPrice()));
        }
    }

    /** Money: an integer of minor units and an ISO 4217 currency code, {@code {"minorUnits":1250,"currency":"EUR"}}. */
    record MoneyBody(Long minorUnits, String currency) {

        static MoneyBody of(Money money) {
            return new MoneyBody(money.minorUnits(), money.currency());
        }
    }
}
