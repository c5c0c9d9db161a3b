package io.eventsuite.user;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsuite.platform.testing.ApiGatewayV2Events;
import io.eventsuite.platform.testing.LambdaEntryPoint;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The function contexts stay warm across tests, as Lambda keeps containers; the fakes behind them do not: what one
 * test stored is gone for the next, whatever the order (here the order that would show a leak).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EachTestHasItsOwnFakesTest {

    private static final String PROBE = "fakes-probe-user";

    private final UserServiceWithFakes.Fakes fakes = UserServiceWithFakes.freshFakes();
    private final LambdaEntryPoint lambda = LambdaEntryPoint.of(UserServiceWithFakes.class);

    @Test
    @Order(1)
    void aTestRegistersAUser() {
        assertThat(lambda.http("registerUser", ApiGatewayV2Events.request("POST", "/users", "/users").as(PROBE)
                .verifiedEmail("probe@example.com")
                .header("Idempotency-Key", "probe-key")
                .jsonBody("{\"displayName\":\"Probe\",\"email\":\"probe@example.com\"}")).status()).isEqualTo(201);
    }

    @Test
    @Order(2)
    void theNextTestFindsNoneOfItsUsersEventsOrIdempotencyKeys() {
        assertThat(lambda.http("getUser", ApiGatewayV2Events.request("GET", "/users/{id}", "/users/" + PROBE)
                .pathParameter("id", PROBE).as(PROBE)).status()).isEqualTo(404);
        assertThat(fakes.publisher().published()).isEmpty();
    }
}
