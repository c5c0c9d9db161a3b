package io.eventsuite.user;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsuite.platform.snapstart.SnapStartPriming;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * What a SnapStart snapshot of a user route would hold: the pinned function primed through the catalog in the same
 * context, and a user rendered as the routes answer with one (in memory); nothing published or claimed.
 */
class SnapStartPrimingTest {

    @ParameterizedTest
    @ValueSource(strings = {"registerUser", "getUser", "updateUser", "deleteUser"})
    void a_user_route_is_primed_with_its_success_rendering_and_without_side_effects(String definition) {
        UserServiceWithFakes.Fakes fakes = UserServiceWithFakes.freshFakes();
        try (var context = new SpringApplicationBuilder(UserServiceWithFakes.class)
                .properties("spring.cloud.function.definition=" + definition).run()) {

            SnapStartPriming priming = context.getBean(SnapStartPriming.class);
            priming.prime();

            // the pinned function, and a user rendered as the routes answer (a failed call would not count)
            assertThat(priming.primedCalls()).isEqualTo(2);
        }
        assertThat(fakes.users().writes()).isEmpty();
        assertThat(fakes.publisher().published()).isEmpty();
        assertThat(fakes.idempotency().everythingStored()).isEmpty();
    }
}
