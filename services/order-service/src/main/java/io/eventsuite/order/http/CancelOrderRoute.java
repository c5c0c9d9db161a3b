package io.eventsuite.order.http;

import io.eventsuite.domain.common.OrderId;
import io.eventsuite.domain.order.CancelOrder;
import io.eventsuite.domain.order.CancelResult;
import io.eventsuite.domain.order.CancelingOrder;
import io.eventsuite.platform.http.HttpRequest;
import io.eventsuite.platform.http.HttpResponse;
import io.eventsuite.platform.http.ProblemType;
import io.eventsuite.platform.http.RouteHandler;

/** {@code POST /orders/{id}/cancel} with an optional {@code {"reason": "..."}}; only a placed order can be cancelled. */
final class CancelOrderRoute implements RouteHandler {

    record Body(String reason) {
    }

    private final CancelingOrder canceling;

    CancelOrderRoute(CancelingOrder canceling) {
        this.canceling = canceling;
    }

    @Override
    public HttpResponse handle(HttpRequest request) {
        OrderId id = request.pathParameter("id", OrderId::new);
        String reason = request.optionalBody(Body.class).map(Body::reason).orElse(null);
        return switch (canceling.cancel(request.caller(), new CancelOrder(id, reason, request.requestKey()))) {
            case CancelResult.Cancelled(var order) -> HttpResponse.ok(OrderBody.of(order)).withVersion(order.version());
            case CancelResult.NotFound ignored -> HttpResponse.problem(ProblemType.NOT_FOUND, "no order " + id.value());
            case CancelResult.IllegalTransition(var from) -> HttpResponse.problem(ProblemType.ILLEGAL_STATE_TRANSITION,
                    "an order that is " + from.name() + " cannot be cancelled");
            case CancelResult.Conflict ignored -> HttpResponse.problem(ProblemType.CONCURRENT_MODIFICATION,
                    "the order kept changing while it was being cancelled; try again");
        };
    }
}
