package io.eventsuite.user;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsuite.domain.common.UserId;
import io.eventsuite.domain.event.EventEnvelope;
import io.eventsuite.domain.event.EventPublisher;
import io.eventsuite.domain.idempotency.IdempotencyStore;
import io.eventsuite.domain.testing.InMemoryIdempotencyStore;
import io.eventsuite.domain.testing.InMemoryUsers;
import io.eventsuite.domain.testing.RecordingEventPublisher;
import io.eventsuite.domain.user.User;
import io.eventsuite.domain.user.Users;
import io.eventsuite.platform.outbox.PendingEventsFull;
import io.eventsuite.platform.testing.ApiGatewayV2Events;
import io.eventsuite.platform.testing.HttpAnswer;
import io.eventsuite.platform.testing.LambdaEntryPoint;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * A user whose item already holds as many unpublished events as it may (SNS has been down a long time): a change is
 * refused with a 503 problem of a stable type, and nothing is changed.
 */
@DisplayName("a full outbox through FunctionInvoker")
class FullOutboxThroughLambdaTest {

    private final LambdaEntryPoint lambda = LambdaEntryPoint.of(UserServiceWithFullOutbox.class);
    private final String sub = "user-" + UUID.randomUUID();

    @Test
    void a_change_to_a_user_whose_outbox_is_full_is_refused_with_503_event_backlog_full_and_changes_nothing() {
        lambda.http("registerUser", ApiGatewayV2Events.request("POST", "/users", "/users").as(sub)
                .verifiedEmail("alice@example.com")
                .jsonBody(UserRoutesThroughLambdaTest.ALICE));

        HttpAnswer answer = lambda.http("updateUser", ApiGatewayV2Events.request("PATCH", "/users/{id}", "/users/" + sub)
                .pathParameter("id", sub).as(sub).header("If-Match", "\"1\"").jsonBody("{\"displayName\":\"B\"}"));

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(answer.problemType()).isEqualTo("urn:eventsuite:problem:event-backlog-full");
        assertThat(UserServiceWithFullOutbox.USERS.findById(new UserId(sub)).orElseThrow().displayName())
                .isEqualTo("Alice");
        assertThat(UserServiceWithFullOutbox.PUBLISHER.published()).hasSize(1);
    }

    /** The user service whose users' outboxes are full: every write with events beyond registration is refused. */
    @SpringBootConfiguration
    @org.springframework.boot.autoconfigure.EnableAutoConfiguration
    @Import(UserService.class)
    static class UserServiceWithFullOutbox {

        static final InMemoryUsers USERS = new InMemoryUsers();
        static final RecordingEventPublisher PUBLISHER = new RecordingEventPublisher();

        @Bean
        Users users() {
            return new Users() {
                @Override
                public Optional<User> findById(UserId id) {
                    return USERS.findById(id);
                }

                @Override
                public OptionalLong erasedVersion(UserId id) {
                    return USERS.erasedVersion(id);
                }

                @Override
                public boolean add(User user, List<EventEnvelope> pending) {
                    return USERS.add(user, pending);
                }

                @Override
                public boolean replace(User user, long expectedVersion, List<EventEnvelope> pending) {
                    throw new PendingEventsFull(50);
                }

                @Override
                public boolean erase(UserId id, long expectedVersion, List<EventEnvelope> pending) {
                    throw new PendingEventsFull(50);
                }
            };
        }

        @Bean
        EventPublisher eventPublisher() {
            return PUBLISHER;
        }

        @Bean
        IdempotencyStore idempotencyStore() {
            return new InMemoryIdempotencyStore();
        }
    }
}
