package io.eventsuite.adapters.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsuite.adapters.messaging.outbox.RelayReport.Stop;
import io.eventsuite.adapters.messaging.resilience.PublishingResilienceConfig;
import io.eventsuite.adapters.messaging.testing.InMemoryPendingEvents;
import io.eventsuite.adapters.messaging.testing.LocalAws;
import io.eventsuite.adapters.messaging.testing.PublishingFixture;
import io.eventsuite.adapters.messaging.testing.TestEvents;
import io.eventsuite.domain.testing.MutableClock;
import io.eventsuite.platform.events.TransportContext;
import io.eventsuite.platform.observability.InvocationDeadline;
import io.eventsuite.platform.testing.FakeLambdaContext;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Outbox relay: stops early on an open breaker or a near deadline")
class OutboxRelayTest {

    private final LocalAws aws = LocalAws.get();
    private final InMemoryPendingEvents outbox = new InMemoryPendingEvents();
    private PublishingFixture sns;
    private String queue;

    @AfterEach
    void tearDown() {
        aws.snsStandIn().healthy();
        InvocationDeadline.clear();
        if (sns != null) {
            sns.close();
        }
    }

    @Test
    void the_breaker_opens_after_repeated_failures_the_relay_stops_early_and_resumes_once_it_half_opens() throws Exception {
        Duration openFor = Duration.ofSeconds(1); // 10 s in production; shortened so the test can see it half-open
        OutboxRelay relay = relayTo(PublishingResilienceConfig.DEFAULTS.withBreakerOpenDuration(openFor), Clock.systemUTC());
        for (int i = 1; i <= 5; i++) {
            commit("e-cb-" + i, "o-cb-" + i);
        }
        aws.snsStandIn().failAllPublishes();

        RelayReport down = relay.relay(10);
        long openedAt = System.nanoTime();

        // aggregate 1: 3 failed attempts; aggregate 2: 2 more make 5 calls at 100% failure, the breaker opens and
        // refuses its third attempt; aggregates 3 to 5 are not tried.
        assertThat(down).isEqualTo(new RelayReport(5, 0, 5, 2, Stop.CIRCUIT_OPEN));
        assertThat(sns.recorder.attempts()).isEqualTo(5);
        assertThat(sns.resilience.circuitBreaker().getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(outbox.pendingIds()).hasSize(5);
        assertThat(sns.metric("resilience4j.circuitbreaker.state", "state", "open")).isEqualTo(1);
        assertThat(sns.metric("resilience4j.circuitbreaker.calls", "kind", "failed")).isEqualTo(5);
        assertThat(sns.metric("resilience4j.circuitbreaker.not.permitted.calls", "kind", "not_permitted")).isPositive();
        assertThat(sns.metric("resilience4j.retry.calls", "kind", "failed_with_retry")).isEqualTo(1);

        // While open, a run makes no call at all, even once SNS is back.
        aws.snsStandIn().healthy();
        RelayReport stillOpen = relay.relay(10);
        assertThat(stillOpen.stoppedBy()).isEqualTo(Stop.CIRCUIT_OPEN);
        assertThat(stillOpen.published()).isZero();
        assertThat(sns.recorder.attempts()).isEqualTo(5);

        Thread.sleep(Math.max(0, openFor.toMillis() + 100 - (System.nanoTime() - openedAt) / 1_000_000));
        RelayReport recovered = relay.relay(10);

        assertThat(recovered).isEqualTo(new RelayReport(5, 5, 0, 0, Stop.COMPLETED));
        assertThat(outbox.isEmpty()).isTrue();
        assertThat(aws.drain(queue)).hasSize(5);
        assertThat(sns.resilience.circuitBreaker().getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(sns.metric("resilience4j.circuitbreaker.state", "state", "closed")).isEqualTo(1);
    }

    @Test
    void the_relay_stops_when_the_invocation_deadline_is_near() {
        MutableClock clock = new MutableClock();
        OutboxRelay relay = relayTo(PublishingResilienceConfig.DEFAULTS, clock);
        commit("e-dl-1", "o-dl-1");
        commit("e-dl-2", "o-dl-2");
        commit("e-dl-3", "o-dl-3");
        // Publishing the first aggregate uses up the invocation: 5 s pass (the clock is the relay's own).
        outbox.onMarked(aggregate -> clock.advance(Duration.ofSeconds(5)));

        RelayReport report = relay.relay(10,
                new FakeLambdaContext("req-dl", "order-relay", System.currentTimeMillis() + 5_000));

        assertThat(report).isEqualTo(new RelayReport(3, 1, 2, 0, Stop.DEADLINE));
        assertThat(outbox.pendingIds()).containsExactly("e-dl-2", "e-dl-3");
        assertThat(sns.recorder.attempts()).isEqualTo(1);
        assertThat(InvocationDeadline.remaining(clock)).as("the deadline is cleared after the run").isEmpty();
    }

    @Test
    void an_empty_outbox_makes_no_call() {
        OutboxRelay relay = relayTo(PublishingResilienceConfig.DEFAULTS, Clock.systemUTC());

        assertThat(relay.relay(25)).isEqualTo(RelayReport.NOTHING_PENDING);
        assertThat(sns.recorder.attempts()).isZero();
    }

    private OutboxRelay relayTo(PublishingResilienceConfig config, Clock clock) {
        String topic = aws.createTopic(LocalAws.uniqueName("relay"));
        queue = aws.subscribedQueue(topic, null);
        sns = PublishingFixture.forTopic(topic, config, clock);
        return new OutboxRelay(outbox, sns.publisher, sns.meters);
    }

    private void commit(String eventId, String orderId) {
        outbox.write(orderId, TestEvents.stored(TestEvents.orderPlaced(eventId, orderId), TransportContext.NONE));
    }
}
