package io.eventsuite.adapters.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventsuite.adapters.messaging.outbox.OutboxRelay;
import io.eventsuite.adapters.messaging.resilience.PublishingResilience;
import io.eventsuite.adapters.messaging.resilience.PublishingResilienceConfig;
import io.eventsuite.adapters.messaging.sns.SnsEventPublisher;
import io.eventsuite.platform.events.CloudEventCodec;
import io.eventsuite.platform.metrics.InvocationMetrics;
import io.eventsuite.platform.outbox.PendingBatch;
import io.eventsuite.platform.outbox.PendingEvents;
import io.eventsuite.platform.tracing.InvocationTracing;
import io.eventsuite.platform.tracing.SpanFlush;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.eventsuite.platform.testing.RecordingObservations;
import io.micrometer.observation.Observation;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.support.MessageBuilder;
import software.amazon.awssdk.services.sns.SnsClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A relay run that fails its invocation (the outbox in trouble, or unreadable) still writes its span, marked failed,
 * and its EMF line, which counts the failed run: the relay-outcome metrics see failures as Lambda's Errors does.
 */
@DisplayName("the relay function's span and metrics")
class RelayFunctionTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final List<String> lines = new ArrayList<>();
    private final RecordingObservations observations = new RecordingObservations();
    private final List<Observation.Context> spans = observations.stopped();

    @Test
    void a_run_that_finds_parked_events_fails_and_its_line_and_span_say_so() {
        RelayFunction relay = relayOver(outbox(1, null));

        assertThatThrownBy(() -> relay.apply(scheduled())).isInstanceOf(OutboxRelayFailed.class);

        assertThat(lines).singleElement().satisfies(line -> {
            JsonNode emf = JSON.readTree(line);
            assertThat(emf.path("RelayRunsFailed").asDouble()).isEqualTo(1.0);
        });
        assertThat(spans).singleElement().satisfies(span -> assertThat(span.getError()).isNotNull());
    }

    @Test
    void an_unreadable_outbox_fails_the_run_and_is_counted_too() {
        RelayFunction relay = relayOver(outbox(0, new IllegalStateException("table gone")));

        assertThatThrownBy(() -> relay.apply(scheduled())).hasMessage("table gone");

        assertThat(lines).singleElement().satisfies(line ->
                assertThat(JSON.readTree(line).path("RelayRunsFailed").asDouble()).isEqualTo(1.0));
        assertThat(spans).singleElement().satisfies(span -> assertThat(span.getError()).isNotNull());
    }

    @Test
    void a_run_with_nothing_to_do_succeeds_and_counts_no_failure() {
        RelayFunction relay = relayOver(outbox(0, null));

        assertThat(relay.apply(scheduled()).inTrouble()).isFalse();

        assertThat(lines).allSatisfy(line -> assertThat(JSON.readTree(line).path("RelayRunsFailed").asDouble(0))
                .isZero());
        assertThat(spans).singleElement().satisfies(span -> assertThat(span.getError()).isNull());
    }

    private RelayFunction relayOver(PendingEvents outbox) {
        PublishingResilience resilience = PublishingResilience.create("sns-publish", PublishingResilienceConfig.DEFAULTS,
                meters, Clock.systemUTC());
        SnsEventPublisher sns = new SnsEventPublisher(new UnusedSns(), "arn:aws:sns:eu-west-1:123456789012:order-events",
                new CloudEventCodec(JSON), JSON, resilience);
        return RelayFunction.of(new OutboxRelay(outbox, sns, meters),
                new InvocationTracing(observations.registry(), SpanFlush.NONE),
                new InvocationMetrics(meters, "order-service", lines::add, Clock.systemUTC()));
    }

    private static PendingEvents outbox(int parked, RuntimeException readFailure) {
        return new PendingEvents() {
            @Override
            public List<PendingBatch> oldest(int limit, Instant writtenBefore) {
                if (readFailure != null) {
                    throw readFailure;
                }
                return List.of();
            }

            @Override
            public void markPublished(String aggregateId, List<String> eventIds) {
            }

            @Override
            public List<String> recordRefusals(String aggregateId, List<String> eventIds, int maxRefusals) {
                return List.of();
            }

            @Override
            public int parkedCount() {
                return parked;
            }
        };
    }

    private static org.springframework.messaging.Message<InputStream> scheduled() {
        return MessageBuilder.<InputStream>withPayload(new ByteArrayInputStream("{}".getBytes())).build();
    }

    /** The runs here publish nothing. */
    private static final class UnusedSns implements SnsClient {
        @Override
        public String serviceName() {
            return "sns";
        }

        @Override
        public void close() {
        }
    }
}
