package io.eventsuite.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsuite.platform.snapstart.SnapStartPriming;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.builder.SpringApplicationBuilder;

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
        try (var context = new SpringApplicationBuilder(OrderServiceWithFakes.class)
                .properties("spring.cloud.function.definition=" + definition).run()) {

            SnapStartPriming priming = context.getBean(SnapStartPriming.class);
            priming.prime();

            assertThat(priming.primedCalls()).isEqualTo(1);
        }
        assertThat(fakes.orders().writes()).hasSize(writesBefore);
        assertThat(fakes.publisher().published()).hasSize(publishedBefore);
    }
}
