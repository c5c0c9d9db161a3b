package io.eventsuite.order.http;

import io.eventsuite.domain.common.Money;
import io.eventsuite.domain.common.Violations;
import io.eventsuite.domain.order.Order;
import io.eventsuite.domain.order.OrderLine;
import io.eventsuite.domain.order.PlaceOrder;
import io.eventsuite.domain.order.PlacingOrder;
import io.eventsuite.platform.http.Commands;
import io.eventsuite.platform.http.HttpRequest;
import io.eventsuite.platform.http.HttpResponse;
import io.eventsuite.platform.http.RouteHandler;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /orders}: the customer is the caller; the client sends lines and unit prices, and the total is
 * computed on the server (a total in the body is an unknown field, refused).
 */
final class PlaceOrderRoute implements RouteHandler {

    record Body(List<OrderBody.LineBody> lines) {
    }

    private final PlacingOrder placing;

    PlaceOrderRoute(PlacingOrder placing) {
        this.placing = placing;
    }

    @Override
    public HttpResponse handle(HttpRequest request) {
        Body body = request.body(Body.class);
        Violations v = new Violations();
        List<OrderLine> lines = new ArrayList<>();
        List<OrderBody.LineBody> given = body.lines() == null ? List.of() : body.lines();
        for (int i = 0; i < given.size(); i++) {
            lines.add(line("lines[" + i + "]", given.get(i), v));
        }
        PlaceOrder command = Commands.build(v, () -> new PlaceOrder(request.caller().id(), lines, request.requestKey()));
        Order order = placing.place(command);
        return HttpResponse.created("/orders/" + order.id().value(), OrderBody.of(order)).withVersion(order.version());
    }

    private static OrderLine line(String path, OrderBody.LineBody line, Violations v) {
        if (!v.check(line != null, path, "is required")) {
            return null;
        }
        v.check(line.quantity() != null, path + ".quantity", "is required");
        Money unitPrice = null;
        if (v.check(line.unitPrice() != null, path + ".unitPrice", "is required")) {
            OrderBody.MoneyBody price = line.unitPrice();
            v.check(price.minorUnits() != null, path + ".unitPrice.minorUnits", "is required");
            if (price.minorUnits() != null) {
                unitPrice = v.nested(path + ".unitPrice", () -> new Money(price.minorUnits(), price.currency()));
            }
        }
        if (line.quantity() == null || unitPrice == null) {
            return null;
        }
        Money price = unitPrice;
        return v.nested(path, () -> new OrderLine(line.sku(), line.quantity(), price));
    }
}
