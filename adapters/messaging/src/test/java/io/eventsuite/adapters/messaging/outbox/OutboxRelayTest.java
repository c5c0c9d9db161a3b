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
import io.eventsuite.platform.outbox.StoredEvent;
import io.eventsuite.platform.testing.FakeLambdaContext;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Outbox relay: stops early on an open breaker or a near deadline, parks poison, leaves young events alone")
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
        clock.advance(Duration.ofMinutes(1)); // the events are old enough to relay
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

    @Test
    void an_event_sns_refuses_as_the_senders_fault_is_parked_after_the_allowed_refusals_and_never_sent_again() {
        OutboxRelay relay = relayTo(PublishingResilienceConfig.DEFAULTS, Clock.systemUTC(), new RelayPolicy(Duration.ZERO, 3));
        outbox.write("u-poison", new StoredEvent("e-poison", "io.eventsuite.user.deleted.v1", "")); // SNS refuses it
        commit("e-good", "o-good");

        RelayReport first = relay.relay(10);
        RelayReport second = relay.relay(10);

        assertThat(first).isEqualTo(new RelayReport(2, 1, 1, 1, 0, 0, Stop.COMPLETED));
        assertThat(first.inTrouble()).as("a refusal fails the run, so the alarm sees it").isTrue();
        assertThat(second).isEqualTo(new RelayReport(1, 0, 1, 1, 0, 0, Stop.COMPLETED));
        assertThat(outbox.pendingIds()).containsExactly("e-poison");

        RelayReport third = relay.relay(10);

        assertThat(third).isEqualTo(new RelayReport(1, 0, 0, 1, 1, 1, Stop.COMPLETED));
        assertThat(outbox.pendingIds()).isEmpty();
        assertThat(outbox.parkedIds()).containsExactly("e-poison");
        int attempts = sns.recorder.attempts();

        RelayReport afterwards = relay.relay(10);

        assertThat(sns.recorder.attempts()).as("a parked event is not sent again").isEqualTo(attempts);
        assertThat(afterwards).isEqualTo(new RelayReport(0, 0, 0, 0, 0, 1, Stop.COMPLETED));
        assertThat(afterwards.inTrouble()).as("parked events keep the alarm on until redriven").isTrue();
        assertThat(aws.drain(queue)).hasSize(1);
    }

    @Test
    void a_transient_failure_is_never_counted_as_a_refusal() {
        OutboxRelay relay = relayTo(PublishingResilienceConfig.DEFAULTS.withRetryMaxAttempts(1), Clock.systemUTC(),
                new RelayPolicy(Duration.ZERO, 1));
        commit("e-outage", "o-outage");
        aws.snsStandIn().failPublishes(1);

        RelayReport down = relay.relay(10);

        assertThat(down).isEqualTo(new RelayReport(1, 0, 1, 1, 0, 0, Stop.COMPLETED));
        assertThat(down.inTrouble()).isTrue();
        assertThat(outbox.parkedIds()).isEmpty();
        assertThat(relay.relay(10)).isEqualTo(new RelayReport(1, 1, 0, 0, Stop.COMPLETED));
    }

    @Test
    void events_younger_than_the_minimum_age_are_left_to_the_request_that_is_publishing_them() {
        MutableClock clock = new MutableClock(); // the fixtures' events are written at its start
        OutboxRelay relay = relayTo(PublishingResilienceConfig.DEFAULTS, clock,
                new RelayPolicy(Duration.ofSeconds(5), 5));
        commit("e-young", "o-young");

        RelayReport tooSoon = relay.relay(10);
        clock.advance(Duration.ofSeconds(4));
        RelayReport stillTooSoon = relay.relay(10);

        assertThat(tooSoon).isEqualTo(RelayReport.NOTHING_PENDING);
        assertThat(stillTooSoon).isEqualTo(RelayReport.NOTHING_PENDING);
        assertThat(sns.recorder.attempts()).isZero();

        clock.advance(Duration.ofSeconds(2));
        RelayReport later = relay.relay(10);

        assertThat(later).isEqualTo(new RelayReport(1, 1, 0, 0, Stop.COMPLETED));
        assertThat(later.inTrouble()).isFalse();
    }

    private OutboxRelay relayTo(PublishingResilienceConfig config, Clock clock, RelayPolicy policy) {
        String topic = aws.createTopic(LocalAws.uniqueName("relay"));
        queue = aws.subscribedQueue(topic, null);
        sns = PublishingFixture.forTopic(topic, config, clock);
        return new OutboxRelay(outbox, sns.publisher, sns.meters, policy);
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
