package io.eventsuite.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsuite.platform.snapstart.SnapStartPriming;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a SnapStart snapshot would hold: priming calls the pinned function through the function catalog in the
 * same context, for an HTTP route and for an SQS consumer alike, and changes nothing.
 */
class SnapStartPrimingTest {

    @ParameterizedTest
    @ValueSource(strings = {"placeOrder", "listOrders", "cancelOrdersOfDeletedUser"})
    void priming_invokes_the_pinned_function_in_the_same_context_without_side_effects(String definition) {
        OrderServiceWithFakes.Fakes fakes = OrderServiceWithFakes.freshFakes();
        int writesBefore = fakes.orders().writes().size();
        int publishedBefore = fakes.publisher().published().size();
        SnapStartPriming priming = primedInItsOwnContext(definition);

        // the pinned function, and an order rendered as the routes answer with one (in memory); a failed call
        // would not count
        assertThat(priming.primedCalls()).isEqualTo(2);
        assertThat(fakes.orders().writes()).hasSize(writesBefore);
        assertThat(fakes.publisher().published()).hasSize(publishedBefore);
    }

    /**
     * The routes that get their own priming event (OrderPriming) go past the identity check into the route: the body
     * bound and refused by the domain, the order looked up and not found; still nothing written, published or claimed.
     */
    @ParameterizedTest
    @CsvSource({"placeOrder, 422", "getOrder, 404", "cancelOrder, 404"})
    void a_route_with_its_own_priming_event_is_primed_past_the_identity_check_without_side_effects(String definition,
            int status) {
        OrderServiceWithFakes.Fakes fakes = OrderServiceWithFakes.freshFakes();
        int writesBefore = fakes.orders().writes().size();
        int publishedBefore = fakes.publisher().published().size();
        SnapStartPriming priming = primedInItsOwnContext(definition);

        assertThat(priming.primedAnswer()).isInstanceOf(byte[].class);
        JsonNode answer = JsonMapper.builder().build().readTree((byte[]) priming.primedAnswer());
        assertThat(answer.path("statusCode").asInt()).isEqualTo(status);
        assertThat(fakes.orders().writes()).hasSize(writesBefore);
        assertThat(fakes.publisher().published()).hasSize(publishedBefore);
        assertThat(fakes.idempotency().everythingStored()).isEmpty();
    }

    /** The priming of {@code definition}'s own context, as before a snapshot; what it did stays readable after. */
    private static SnapStartPriming primedInItsOwnContext(String definition) {
        try (var context = new SpringApplicationBuilder(OrderServiceWithFakes.class)
                .properties("spring.cloud.function.definition=" + definition).run()) {
            SnapStartPriming priming = context.getBean(SnapStartPriming.class);
            priming.prime();
            return priming;
        }
    }
}
