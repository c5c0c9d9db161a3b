package io.eventsuite.user;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsuite.domain.event.UserRegistered;
import io.eventsuite.domain.common.UserId;
import io.eventsuite.platform.testing.ApiGatewayV2Events;
import io.eventsuite.platform.testing.HttpAnswer;
import io.eventsuite.platform.testing.LambdaEntryPoint;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RegisterUserFunctionTest {

    private final LambdaEntryPoint lambda = LambdaEntryPoint.of(UserServiceWithFakes.class);
    private final String sub = "user-" + UUID.randomUUID();

    private ApiGatewayV2Events register(String json) {
        return ApiGatewayV2Events.request("POST", "/users", "/users").as(sub).jsonBody(json);
    }

    @Test
    void registering_answers_201_with_location_and_emits_UserRegistered() {
        HttpAnswer answer = lambda.http("registerUser", register("""
                {"displayName":"Alice","email":"alice@example.com"}"""));

        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.header("Location")).isEqualTo("/users/" + sub);
        assertThat(answer.header("Content-Type")).isEqualTo("application/json");
        assertThat(answer.header("ETag")).isEqualTo("\"1\"");
        assertThat(answer.body().path("id").asString()).isEqualTo(sub);
        assertThat(answer.body().path("preferences").path("orderUpdates").asBoolean()).isTrue();
        assertThat(UserServiceWithFakes.USERS.findById(new UserId(sub))).isPresent();
        assertThat(UserServiceWithFakes.PUBLISHER.publishedOfType(UserRegistered.class))
                .anyMatch(e -> e.userId().value().equals(sub));
    }
}
