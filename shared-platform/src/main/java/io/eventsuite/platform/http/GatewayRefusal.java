package io.eventsuite.platform.http;

import io.eventsuite.domain.idempotency.NothingWritten;
import java.util.Map;

/**
 * A request refused as API Gateway's JWT authorizer refuses it, before any route code runs: a bare
 * {@code {"message":"Unauthorized"}} (401) or {@code {"message":"Forbidden"}} (403), not a problem document, so a
 * client sees the same answer under {@code sam local} as in AWS.
 */
final class GatewayRefusal extends RuntimeException implements NothingWritten {

    private final int status;

    GatewayRefusal(int status) {
        super(status == 403 ? "Forbidden" : "Unauthorized", null, false, false);
        this.status = status;
    }

    HttpResponse response() {
        return new HttpResponse(status, Map.of(), Map.of("message", getMessage()));
    }
}
