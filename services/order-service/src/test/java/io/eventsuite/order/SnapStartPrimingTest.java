package io.eventsuite.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsuite.platform.snapstart.InMemoryPrimingEvent;
import io.eventsuite.platform.snapstart.PrimingEvent;
import io.eventsuite.platform.snapstart.SnapStartPriming;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.cloud.function.context.FunctionCatalog;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a SnapStart snapshot would hold: priming calls the pinned function through the function catalog in the
 * same context, for an HTTP route and for an SQS consumer alike, and changes nothing.
 */
class SnapStartPrimingTest {

    @ParameterizedTest
    @CsvSource({"placeOrder, 3", "listOrders, 2", "cancelOrdersOfDeletedUser, 2"})
    void priming_invokes_the_pinned_function_in_the_same_context_without_side_effects(String definition, int calls) {
        OrderServiceWithFakes.Fakes fakes = OrderServiceWithFakes.freshFakes();
        int writesBefore = fakes.orders().writes().size();
        int publishedBefore = fakes.publisher().published().size();
        SnapStartPriming priming = primedInItsOwnContext(definition);

        // the pinned function, an order rendered as the routes answer with one (in memory), and for placeOrder its
        // in-memory priming event; a failed call would not count
        assertThat(priming.primedCalls()).isEqualTo(calls);
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

    /**
     * The routes' in-memory priming events are requests each route carries out (an order placed, found, cancelled),
     * so their success paths are primed; they run inside the sandbox only, and the test's fakes see nothing of them.
     */
    @ParameterizedTest
    @CsvSource({"placeOrder, 201", "getOrder, 200", "cancelOrder, 200"})
    void a_route_is_primed_in_memory_with_a_request_it_carries_out(String definition, int status) {
        OrderServiceWithFakes.Fakes fakes = OrderServiceWithFakes.freshFakes();
        SnapStartPriming priming = primedInItsOwnContext(definition);

        assertThat(priming.primedInMemoryAnswer()).isInstanceOf(byte[].class);
        JsonNode answer = JsonMapper.builder().build().readTree((byte[]) priming.primedInMemoryAnswer());
        assertThat(answer.path("statusCode").asInt()).as(answer.toString()).isEqualTo(status);
        assertThat(priming.primedCalls()).isEqualTo(3);
        assertThat(fakes.orders().writes()).isEmpty();
        assertThat(fakes.publisher().published()).isEmpty();
        assertThat(fakes.idempotency().everythingStored()).isEmpty();
    }

    /**
     * A function that is never primed (sam local, the local cloud, Lambda without SnapStart) never builds what
     * priming needs: the events are built when priming runs, not at start.
     */
    @Test
    void the_priming_events_are_built_only_when_priming_runs() {
        try (var context = new SpringApplicationBuilder(OrderServiceWithFakes.class)
                .properties("spring.cloud.function.definition=placeOrder").run()) {
            var beans = context.getBeanFactory();
            assertThat(beans.containsSingleton("placeOrderPriming")).as("at start").isFalse();
            assertThat(beans.containsSingleton("placeOrderInMemory")).as("at start").isFalse();

            context.getBean(SnapStartPriming.class).prime();

            assertThat(beans.containsSingleton("placeOrderPriming")).as("after priming").isTrue();
            assertThat(beans.containsSingleton("placeOrderInMemory")).as("after priming").isTrue();
        }
    }

    /** An in-memory priming event is never run without a sandbox: it would place an order for real. */
    @Test
    void without_a_sandbox_the_in_memory_priming_event_is_not_run() {
        OrderServiceWithFakes.Fakes fakes = OrderServiceWithFakes.freshFakes();
        try (var context = new SpringApplicationBuilder(OrderServiceWithFakes.class)
                .properties("spring.cloud.function.definition=placeOrder").run()) {
            String inMemory = context.getBean("placeOrderInMemory", InMemoryPrimingEvent.class).json();
            String refused = context.getBean("placeOrderPriming", PrimingEvent.class).json();
            SnapStartPriming priming = new SnapStartPriming(context.getBean(FunctionCatalog.class), "placeOrder",
                    refused, inMemory, Optional::empty, List::of);

            priming.prime();

            assertThat(priming.primedCalls()).as("the refused event only").isEqualTo(1);
            assertThat(priming.primedInMemoryAnswer()).isNull();
        }
        assertThat(fakes.orders().writes()).isEmpty();
        assertThat(fakes.publisher().published()).isEmpty();
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
