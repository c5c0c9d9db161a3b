package io.eventsuite.benchmarks.coldstart;

import io.eventsuite.benchmarks.coldstart.plain.PlainPlaceOrderHandler;
import io.eventsuite.localcloud.provision.ProvisionedStack;
import io.eventsuite.localcloud.provision.Provisioner;
import io.eventsuite.platform.testing.ApiGatewayV2Events;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /orders}, an HTTP write, five round trips: the idempotency claim, the order with its pending event, the
 * SNS publish, the outbox clear (one UpdateItem) and the idempotency result. Every invocation carries a new {@code Idempotency-Key} (a replay would
 * skip the work); the answer must be 201 with a new order of the caller.
 */
final class PlaceOrderWorkload implements Workload {

    static final String BODY = """
            {"lines":[{"sku":"BOOK-1","quantity":2,"unitPrice":{"minorUnits":1250,"currency":"EUR"}},\
            {"sku":"PEN-7","quantity":1,"unitPrice":{"minorUnits":199,"currency":"EUR"}}]}""";

    @Override
    public String id() {
        return "place-order";
    }

    @Override
    public String function() {
        return "PlaceOrderFunction";
    }

    @Override
    public Class<?> plainHandler() {
        return PlainPlaceOrderHandler.class;
    }

    @Override
    public Set<String> sdkServices() {
        return Set.of("dynamodb", "sns");
    }

    @Override
    public Prepared prepare(Provisioner provisioner, ProvisionedStack stack) {
        String customer = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        return new Prepared() {
            @Override
            public byte[] nextEvent() {
                return ApiGatewayV2Events.request("POST", "/orders", "/orders").as(customer)
                        .header("Idempotency-Key", UUID.randomUUID().toString()).jsonBody(BODY).toJson()
                        .getBytes(StandardCharsets.UTF_8);
            }

            @Override
            public String check(String variant, String answer) {
                JsonNode order = WorkloadAnswers.httpBody(variant, answer, 201);
                if (!customer.equals(order.path("customerId").asString())
                        || order.path("total").path("minorUnits").asLong() != 2699) {
                    throw new IllegalStateException(variant + " did not place the order of " + customer + ": "
                            + answer);
                }
                return "201, order " + order.path("id").asString();
            }
        };
    }
}
