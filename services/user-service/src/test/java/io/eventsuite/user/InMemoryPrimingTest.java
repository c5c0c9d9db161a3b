package io.eventsuite.user;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsuite.platform.testing.InMemoryPrimingRun;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The user routes' in-memory SnapStart priming on the service's real adapters and SDK clients, as in Lambda: each
 * route carries out its priming request (the sample user registered, found, updated, erased), every AWS call answered
 * in memory, and not one request reaches AWS (a counting endpoint stands in for every service).
 */
class InMemoryPrimingTest {

    @ParameterizedTest
    @CsvSource({"registerUser, 201", "getUser, 200", "updateUser, 200", "deleteUser, 204"})
    void a_route_walks_its_success_path_in_memory_and_sends_nothing(String definition, int status) {
        InMemoryPrimingRun run = InMemoryPrimingRun.of(UserServiceApplication.class, definition, Map.of(
                "USERS_TABLE", "users", "IDEMPOTENCY_TABLE", "idempotency", "IDEMPOTENCY_KEY_PREFIX", definition,
                "EVENTS_TOPIC_ARN", "arn:aws:sns:eu-west-3:000000000000:user-events"));

        assertThat(run.status()).as(run.answer().toString()).isEqualTo(status);
        assertThat(run.requests()).isZero();
    }
}
