package io.eventsuite.adapters.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.eventsuite.adapters.messaging.testing.InMemoryPendingEvents;
import io.eventsuite.adapters.messaging.testing.LocalAws;
import io.eventsuite.adapters.messaging.testing.Meters;
import io.eventsuite.adapters.messaging.testing.PublishingFixture;
import io.eventsuite.adapters.messaging.testing.TestEvents;
import io.eventsuite.domain.event.EventEnvelope;
import io.eventsuite.platform.events.TransportContext;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

@DisplayName("Outbox publisher and relay: nothing leaves the outbox before SNS accepted it")
class OutboxEventPublisherTest {

    private final LocalAws aws = LocalAws.get();
    private final InMemoryPendingEvents outbox = new InMemoryPendingEvents();
    private String topicName;
    private String queue;
    private PublishingFixture sns;
    private OutboxEventPublisher publisher;
    private OutboxRelay relay;

    @BeforeEach
    void setUp() {
        topicName = LocalAws.uniqueName("orders");
        String topic = aws.createTopic(topicName);
        queue = aws.subscribedQueue(topic, null);
        sns = PublishingFixture.forTopic(topic);
        publisher = new OutboxEventPublisher(outbox, sns.publisher, sns.meters);
        relay = new OutboxRelay(outbox, sns.publisher, sns.meters);
    }

    @AfterEach
    void tearDown() {
        aws.snsStandIn().healthy();
        sns.close();
    }

    @Test
    void publishes_after_the_write_and_forgets_only_what_sns_accepted() {
        List<EventEnvelope> events = List.of(TestEvents.orderPlaced("e-a1", "o-a"), TestEvents.orderPlaced("e-b1", "o-b"));
        commit(events);

        publisher.publish(events);

        assertThat(outbox.isEmpty()).isTrue();
        assertThat(deliveredIds()).containsExactlyInAnyOrder("e-a1", "e-b1");
        assertThat(counter(OutboxMetrics.PUBLISHED)).isEqualTo(2);
        assertThat(counter(OutboxMetrics.LEFT_PENDING)).isZero();
    }

    @Test
    void when_sns_stays_down_it_gives_up_without_throwing_and_the_relay_publishes_later() {
        List<EventEnvelope> events = List.of(TestEvents.orderPlaced("e-down-1", "o-down"),
                TestEvents.orderPlaced("e-down-2", "o-down"));
        commit(events);
        aws.snsStandIn().failAllPublishes();

        assertThatCode(() -> publisher.publish(events)).doesNotThrowAnyException();

        assertThat(sns.recorder.attempts()).isEqualTo(3);
        assertThat(outbox.pendingIds()).containsExactly("e-down-1", "e-down-2");
        assertThat(deliveredIds()).isEmpty();
        assertThat(counter(OutboxMetrics.LEFT_PENDING)).isEqualTo(2);

        aws.snsStandIn().healthy();
        RelayReport report = relay.relay(10);

        assertThat(report).isEqualTo(new RelayReport(1, 2, 0, 0, RelayReport.Stop.COMPLETED));
        assertThat(outbox.isEmpty()).isTrue();
        assertThat(deliveredIds()).containsExactlyInAnyOrder("e-down-1", "e-down-2");
        assertThat(counter(OutboxMetrics.PUBLISHED)).isEqualTo(2);
    }

    @Test
    void a_failed_mark_after_publishing_does_not_throw_and_the_events_stay_pending() {
        List<EventEnvelope> events = List.of(TestEvents.orderPlaced("e-unmarked", "o-unmarked"));
        commit(events);
        outbox.failMarks(1);

        assertThatCode(() -> publisher.publish(events)).doesNotThrowAnyException();

        assertThat(deliveredIds()).containsExactly("e-unmarked");
        assertThat(outbox.pendingIds()).containsExactly("e-unmarked");
    }

    @Test
    void duplicates_never_lose_anything_the_relay_run_twice_delivers_the_same_events_again_and_empties_the_outbox() {
        commit(List.of(TestEvents.orderPlaced("e-dup-1", "o-dup"), TestEvents.orderPlaced("e-dup-2", "o-dup")));
        commit(List.of(TestEvents.userDeleted("e-dup-3", "u-dup")));
        outbox.failMarks(2); // the first run publishes everything, then cannot tell the outbox

        RelayReport first = relay.relay(10);
        RelayReport second = relay.relay(10);

        assertThat(first.published()).isEqualTo(3);
        assertThat(second.published()).isEqualTo(3);
        assertThat(outbox.isEmpty()).isTrue();
        assertThat(deliveredIds()).containsExactlyInAnyOrder("e-dup-1", "e-dup-2", "e-dup-3",
                "e-dup-1", "e-dup-2", "e-dup-3");
        assertThat(relay.relay(10)).isEqualTo(RelayReport.NOTHING_PENDING);
    }

    /** The use case's single-item write: the aggregate and its pending events, encoded once. */
    private void commit(List<EventEnvelope> events) {
        for (EventEnvelope event : events) {
            outbox.write(event.subject(), TestEvents.stored(event, TransportContext.NONE));
        }
    }

    private List<String> deliveredIds() {
        return aws.drain(queue).stream().map(Message::body)
                .map(body -> TestEvents.JSON.readTree(body).get("id").asString()).toList();
    }

    private double counter(String name) {
        return Meters.value(sns.meters, name, "topic", topicName);
    }
}
