package io.eventsuite.order.http;

import io.eventsuite.domain.common.OrderId;
import io.eventsuite.domain.order.ViewingOrder;
import io.eventsuite.platform.http.HttpRequest;
import io.eventsuite.platform.http.HttpResponse;
import io.eventsuite.platform.http.ProblemType;
import io.eventsuite.platform.http.RouteHandler;

/** {@code GET /orders/{id}}: another customer's order reads as not found (see {@code Caller}). */
final class GetOrderRoute implements RouteHandler {

    private final ViewingOrder viewing;

    GetOrderRoute(ViewingOrder viewing) {
        this.viewing = viewing;
    }

    @Override
    public HttpResponse handle(HttpRequest request) {
        OrderId id = request.pathParameter("id", OrderId::new);
        return viewing.view(request.caller(), id)
                .map(order -> HttpResponse.ok(OrderBody.of(order)).withVersion(order.version()))
                .orElseGet(() -> HttpResponse.problem(ProblemType.NOT_FOUND, "no order " + id.value()));
    }
}
