package io.eventsuite.order.http;

import io.eventsuite.domain.common.Page;
import io.eventsuite.domain.common.PageRequest;
import io.eventsuite.domain.order.ListingOrders;
import io.eventsuite.domain.order.Order;
import io.eventsuite.platform.http.HttpRequest;
import io.eventsuite.platform.http.HttpResponse;
import io.eventsuite.platform.http.RouteHandler;
import java.util.List;
import java.util.Optional;

/** {@code GET /orders?limit=20&cursor=...}: the caller's orders, newest first; follow {@code nextCursor}. */
final class ListOrdersRoute implements RouteHandler {

    record PageBody(List<OrderBody> items, Optional<String> nextCursor) {
    }

    private final ListingOrders listing;

    ListOrdersRoute(ListingOrders listing) {
        this.listing = listing;
    }

    @Override
    public HttpResponse handle(HttpRequest request) {
        PageRequest page = PageRequest.of(request.intQueryParameter("limit").orElse(null),
                request.queryParameter("cursor").orElse(null));
        Page<Order> orders = listing.list(request.caller(), page);
        return HttpResponse.ok(new PageBody(orders.items().stream().map(OrderBody::of).toList(), orders.nextCursor()));
    }
}
