package io.eventsuite.adapters.messaging.sns;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import io.eventsuite.adapters.messaging.resilience.PublishingResilienceConfig;
import io.eventsuite.adapters.messaging.sns.PublishResult.Outcome;
import io.eventsuite.adapters.messaging.testing.LocalAws;
import io.eventsuite.adapters.messaging.testing.PublishingFixture;
import io.eventsuite.adapters.messaging.testing.RecordingInterceptor;
import io.eventsuite.adapters.messaging.testing.TestEvents;
import io.eventsuite.domain.event.EventEnvelope;
import io.eventsuite.domain.event.OrderPlaced;
import io.eventsuite.domain.event.UserRegistered;
import io.eventsuite.domain.testing.MutableClock;
import io.eventsuite.platform.events.TransportContext;
import io.eventsuite.platform.observability.CurrentTransportContext;
import io.eventsuite.platform.observability.InvocationDeadline;
import io.eventsuite.platform.observability.TraceParent;
import io.eventsuite.platform.outbox.StoredEvent;
import io.eventsuite.platform.testing.FakeLambdaContext;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.sns.model.PublishBatchRequest;
import software.amazon.awssdk.services.sqs.model.Message;

@DisplayName("SNS event publisher, against the SNS stand-in and ElasticMQ")
class SnsEventPublisherTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String SPAN_ID = "00f067aa0ba902b7";
    private static final String CORRELATION_ID = "corr-12345678";

    private final LocalAws aws = LocalAws.get();
    private final List<PublishingFixture> fixtures = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        aws.snsStandIn().healthy();
        InvocationDeadline.clear();
        MDC.clear();
        fixtures.forEach(PublishingFixture::close);
    }

    @Test
    void the_message_is_the_encoded_cloudevent_verbatim_with_exactly_the_allow_listed_attributes() {
        String topic = aws.createTopic(LocalAws.uniqueName("t"));
        String queue = aws.subscribedQueue(topic, null);
        PublishingFixture sns = fixture(topic);
        MDC.put("traceId", TRACE_ID);
        MDC.put("spanId", SPAN_ID);
        MDC.put("correlationId", CORRELATION_ID);
        EventEnvelope event = TestEvents.orderPlaced("e-verbatim", "o-verbatim");

        PublishResult result = sns.publisher.publishEnvelopes(List.of(event));

        assertThat(result.publishedIds()).containsExactly("e-verbatim");
        assertThat(result.allPublished()).isTrue();
        List<Message> delivered = aws.drain(queue);
        assertThat(delivered).hasSize(1);
        Message message = delivered.getFirst();
        assertThat(message.body()).isEqualTo(TestEvents.CODEC.encode(event, CurrentTransportContext.get()));
        assertThat(message.body()).contains("\"traceparent\":\"00-" + TRACE_ID + "-" + SPAN_ID + "-01\"");
        assertThat(stringAttributes(message)).isEqualTo(Map.of(
                "type", OrderPlaced.TYPE,
                "traceparent", "00-" + TRACE_ID + "-" + SPAN_ID + "-01",
                "correlationid", CORRELATION_ID));
    }

    @Test
    void a_filter_policy_on_the_type_attribute_routes_each_event_to_its_queue() {
        String topic = aws.createTopic(LocalAws.uniqueName("t"));
        String orders = aws.subscribedQueue(topic, "{\"type\":[\"" + OrderPlaced.TYPE + "\"]}");
        String users = aws.subscribedQueue(topic, "{\"type\":[\"" + UserRegistered.TYPE + "\"]}");
        PublishingFixture sns = fixture(topic);

        sns.publisher.publishEnvelopes(List.of(
                TestEvents.orderPlaced("e-order", "o-1"), TestEvents.userRegistered("e-user", "u-1")));

        assertThat(aws.drain(orders)).extracting(Message::body).singleElement().asString().contains("\"id\":\"e-order\"");
        assertThat(aws.drain(users)).extracting(Message::body).singleElement().asString().contains("\"id\":\"e-user\"");
    }

    @Test
    void more_than_ten_events_go_out_in_batches_of_at_most_ten() {
        String topic = aws.createTopic(LocalAws.uniqueName("t"));
        String queue = aws.subscribedQueue(topic, null);
        PublishingFixture sns = fixture(topic);
        List<EventEnvelope> events = IntStream.rangeClosed(1, 23)
                .mapToObj(i -> TestEvents.orderPlaced("e-many-" + i, "o-many")).toList();

        PublishResult result = sns.publisher.publishEnvelopes(events);

        assertThat(result.publishedIds()).hasSize(23).doesNotHaveDuplicates();
        assertThat(sns.recorder.requests()).map(r -> ((PublishBatchRequest) r).publishBatchRequestEntries().size())
                .containsExactly(10, 10, 3);
        assertThat(aws.drain(queue)).extracting(m -> idOf(m.body()))
                .containsExactlyInAnyOrderElementsOf(events.stream().map(e -> e.id().value()).toList());
    }

    @Test
    void a_stored_event_is_published_as_stored_and_its_tracing_extensions_become_attributes_again() {
        String topic = aws.createTopic(LocalAws.uniqueName("t"));
        String queue = aws.subscribedQueue(topic, null);
        PublishingFixture sns = fixture(topic);
        TransportContext context = new TransportContext(
                TraceParent.parse("00-" + TRACE_ID + "-" + SPAN_ID + "-01"), Optional.of(CORRELATION_ID));
        StoredEvent traced = TestEvents.stored(TestEvents.userDeleted("e-traced", "u-9"), context);
        StoredEvent untraced = TestEvents.stored(TestEvents.userDeleted("e-untraced", "u-9"), TransportContext.NONE);

        PublishResult result = sns.publisher.publishStored(List.of(traced, untraced));

        assertThat(result.publishedIds()).containsExactly("e-traced", "e-untraced");
        Map<String, Message> byId = new HashMap<>();
        aws.drain(queue).forEach(m -> byId.put(idOf(m.body()), m));
        assertThat(byId.get("e-traced").body()).isEqualTo(traced.cloudEvent());
        assertThat(stringAttributes(byId.get("e-traced"))).containsOnlyKeys("type", "traceparent", "correlationid")
                .containsEntry("traceparent", "00-" + TRACE_ID + "-" + SPAN_ID + "-01");
        assertThat(byId.get("e-untraced").body()).isEqualTo(untraced.cloudEvent());
        assertThat(stringAttributes(byId.get("e-untraced"))).isEqualTo(Map.of("type", "io.eventsuite.user.deleted.v1"));
    }

    @Test
    void an_entry_sns_refuses_is_the_only_one_not_published_and_a_sender_fault_is_not_retried() {
        String topic = aws.createTopic(LocalAws.uniqueName("t"));
        String queue = aws.subscribedQueue(topic, null);
        PublishingFixture sns = fixture(topic);
        StoredEvent first = TestEvents.stored(TestEvents.userDeleted("e-ok-1", "u-7"), TransportContext.NONE);
        StoredEvent broken = new StoredEvent("e-broken", "io.eventsuite.user.deleted.v1", ""); // SNS refuses it
        StoredEvent last = TestEvents.stored(TestEvents.userDeleted("e-ok-2", "u-7"), TransportContext.NONE);

        PublishResult result = sns.publisher.publishStored(List.of(first, broken, last));

        assertThat(result.publishedIds()).containsExactly("e-ok-1", "e-ok-2");
        assertThat(result.unpublished()).singleElement().satisfies(u -> {
            assertThat(u.eventId()).isEqualTo("e-broken");
            assertThat(u.outcome()).isEqualTo(Outcome.REFUSED);
            assertThat(u.reason()).isEqualTo("entry refused: InvalidParameter");
        });
        assertThat(sns.recorder.attempts()).isEqualTo(1);
        assertThat(aws.drain(queue)).extracting(m -> idOf(m.body())).containsExactlyInAnyOrder("e-ok-1", "e-ok-2");
    }

    @Test
    void server_errors_are_retried_with_backoff_until_sns_accepts() {
        String topic = aws.createTopic(LocalAws.uniqueName("t"));
        String queue = aws.subscribedQueue(topic, null);
        PublishingFixture sns = fixture(topic);
        aws.snsStandIn().failPublishes(2); // 500 InternalError twice; the third attempt goes through

        PublishResult result = sns.publisher.publishEnvelopes(List.of(TestEvents.orderPlaced("e-retried", "o-r")));

        assertThat(result.publishedIds()).containsExactly("e-retried");
        assertThat(sns.recorder.attempts()).isEqualTo(3);
        assertThat(aws.drain(queue)).hasSize(1);
        assertThat(sns.metric("resilience4j.retry.calls", "kind", "successful_with_retry")).isEqualTo(1);
    }

    @Test
    void the_sdk_does_not_retry_on_its_own_so_resilience4j_is_the_only_retry_layer() {
        String topic = aws.createTopic(LocalAws.uniqueName("t"));
        PublishingFixture sns = fixture(topic, PublishingResilienceConfig.DEFAULTS.withRetryMaxAttempts(1));
        aws.snsStandIn().failPublishes(1); // an SDK with its default retries would go through on its second try

        PublishResult result = sns.publisher.publishEnvelopes(List.of(TestEvents.orderPlaced("e-once", "o-once")));

        assertThat(result.publishedIds()).isEmpty();
        assertThat(result.unpublished()).singleElement()
                .satisfies(u -> assertThat(u.reason()).contains("InternalError", "500"));
        assertThat(sns.recorder.attempts()).isEqualTo(1);
    }

    @Test
    void a_client_error_such_as_topic_not_found_is_not_retried_and_not_held_against_the_breaker() {
        String missingTopic = aws.snsStandIn().topicArn(LocalAws.uniqueName("never-created"));
        PublishingFixture sns = fixture(missingTopic);

        PublishResult result = sns.publisher.publishEnvelopes(List.of(TestEvents.orderPlaced("e-404", "o-404")));

        assertThat(result.unpublished()).singleElement().satisfies(u -> {
            assertThat(u.eventId()).isEqualTo("e-404");
            assertThat(u.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(u.reason()).contains("NotFound");
        });
        assertThat(sns.recorder.attempts()).isEqualTo(1);
        assertThat(sns.metric("resilience4j.retry.calls", "kind", "failed_without_retry")).isEqualTo(1);
        assertThat(sns.metric("resilience4j.circuitbreaker.calls", "kind", "failed")).isZero();
        assertThat(sns.metric("resilience4j.circuitbreaker.calls", "kind", "ignored")).isEqualTo(1);
    }

    @Test
    void the_per_call_timeout_is_capped_by_the_invocation_deadline() {
        String topic = aws.createTopic(LocalAws.uniqueName("t"));
        MutableClock clock = new MutableClock();
        PublishingResilienceConfig config = PublishingResilienceConfig.DEFAULTS
                .withDeadlineMargin(Duration.ofMillis(20), Duration.ofMillis(10));
        PublishingFixture sns = fixture(topic, config, clock);

        sns.publisher.publishEnvelopes(List.of(TestEvents.orderPlaced("e-free", "o-t")));
        // A Lambda invocation with 100 ms left; the clock stands still, so the budget is exact.
        InvocationDeadline.start(lambdaWithMillisLeft(100), clock);
        sns.publisher.publishEnvelopes(List.of(TestEvents.orderPlaced("e-capped", "o-t")));

        List<SdkRequest> requests = sns.recorder.requests();
        assertThat(requests).hasSize(2);
        assertThat(RecordingInterceptor.apiCallTimeout(requests.get(0))).contains(config.callTimeout());
        Duration capped = RecordingInterceptor.apiCallTimeout(requests.get(1)).orElseThrow();
        // 100 ms left (perhaps 99 by the time the fake context answered) less the 20 ms margin
        assertThat(capped).isBetween(Duration.ofMillis(70), Duration.ofMillis(80));
    }

    @Test
    void no_call_starts_when_the_deadline_is_too_near_and_the_events_are_reported_not_attempted() {
        String topic = aws.createTopic(LocalAws.uniqueName("t"));
        MutableClock clock = new MutableClock();
        PublishingFixture sns = fixture(topic, PublishingResilienceConfig.DEFAULTS, clock);
        InvocationDeadline.start(lambdaWithMillisLeft(300), clock); // 300 - 250 margin < 100 minimum budget

        PublishResult result = sns.publisher.publishEnvelopes(List.of(TestEvents.orderPlaced("e-late", "o-late")));

        assertThat(sns.publisher.accepting()).isFalse();
        assertThat(result.unpublished()).singleElement().satisfies(u -> {
            assertThat(u.outcome()).isEqualTo(Outcome.NOT_ATTEMPTED);
            assertThat(u.reason()).contains("deadline");
        });
        assertThat(sns.recorder.attempts()).isZero();
    }

    private PublishingFixture fixture(String topic) {
        return fixture(topic, PublishingResilienceConfig.DEFAULTS);
    }

    private PublishingFixture fixture(String topic, PublishingResilienceConfig config) {
        return fixture(topic, config, Clock.systemUTC());
    }

    private PublishingFixture fixture(String topic, PublishingResilienceConfig config, Clock clock) {
        PublishingFixture fixture = PublishingFixture.forTopic(topic, config, clock);
        fixtures.add(fixture);
        return fixture;
    }

    static Context lambdaWithMillisLeft(long millis) {
        return new FakeLambdaContext("req-1", "order-service-relay", System.currentTimeMillis() + millis);
    }

    static Map<String, String> stringAttributes(Message message) {
        Map<String, String> attributes = new TreeMap<>();
        message.messageAttributes().forEach((name, value) -> {
            assertThat(value.dataType()).isEqualTo("String");
            attributes.put(name, value.stringValue());
        });
        return attributes;
    }

    static String idOf(String cloudEvent) {
        return TestEvents.JSON.readTree(cloudEvent).get("id").asString();
    }
}
