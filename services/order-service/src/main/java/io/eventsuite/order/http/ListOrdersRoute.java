package io.eventsuite.order.http;

import io.eventsuite.domain.order.ListingOrders;
import io.eventsuite.platform.http.HttpRequest;
import io.eventsuite.platform.http.HttpResponse;
import io.eventsuite.platform.http.PageBody;
import io.eventsuite.platform.http.RouteHandler;

/** {@code GET /orders?limit=20&cursor=...}: the caller's orders, newest first; follow {@code nextCursor}. */
final class ListOrdersRoute implements RouteHandler {

    private final ListingOrders listing;

    ListOrdersRoute(ListingOrders listing) {
        this.listing = listing;
    }

    @Override
    public HttpResponse handle(HttpRequest request) {
        return HttpResponse.ok(PageBody.of(listing.list(request.caller(), request.page()), OrderBody::of));
    }
}
