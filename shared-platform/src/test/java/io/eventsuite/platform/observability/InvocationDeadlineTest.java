package io.eventsuite.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsuite.platform.testing.FakeLambdaContext;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("invocation deadline")
class InvocationDeadlineTest {

    private final Clock clock = Clock.systemUTC();

    @AfterEach
    void clear() {
        InvocationDeadline.clear();
    }

    @Test
    void outside_an_invocation_the_preferred_budget_applies() {
        assertThat(InvocationDeadline.budget(Duration.ofSeconds(2), Duration.ofMillis(200), clock))
                .isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void near_the_deadline_the_budget_shrinks_to_what_is_left_less_the_margin() {
        InvocationDeadline.start(new FakeLambdaContext("r", "f", System.currentTimeMillis() + 1_000), clock);

        Duration budget = InvocationDeadline.budget(Duration.ofSeconds(5), Duration.ofMillis(300), clock);

        assertThat(budget).isLessThanOrEqualTo(Duration.ofMillis(700)).isPositive();
    }

    @Test
    void past_the_deadline_the_budget_is_zero_not_negative() {
        InvocationDeadline.start(new FakeLambdaContext("r", "f", System.currentTimeMillis() + 50), clock);

        assertThat(InvocationDeadline.budget(Duration.ofSeconds(5), Duration.ofMillis(300), clock)).isZero();
    }
}
