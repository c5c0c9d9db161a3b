package io.eventsuite.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsuite.platform.testing.InMemoryPrimingRun;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The order routes' in-memory SnapStart priming on the service's real adapters and SDK clients, as in Lambda: each
 * route carries out its priming request (an order placed, found, cancelled), every AWS call answered in memory, and
 * not one request reaches AWS (a counting endpoint stands in for every service).
 */
class InMemoryPrimingTest {

    @ParameterizedTest
    @CsvSource({"placeOrder, 201", "getOrder, 200", "cancelOrder, 200"})
    void a_route_walks_its_success_path_in_memory_and_sends_nothing(String definition, int status) {
        InMemoryPrimingRun run = InMemoryPrimingRun.of(OrderServiceApplication.class, definition, Map.of(
                "ORDERS_TABLE", "orders", "IDEMPOTENCY_TABLE", "idempotency", "IDEMPOTENCY_KEY_PREFIX", definition,
                "EVENTS_TOPIC_ARN", "arn:aws:sns:eu-west-3:000000000000:order-events"));

        assertThat(run.status()).as(run.answer().toString()).isEqualTo(status);
        assertThat(run.requests()).isZero();
    }
}
