package io.eventsuite.platform.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.eventsuite.domain.common.UserId;
import io.eventsuite.domain.event.EventEnvelope;
import io.eventsuite.domain.event.UserDeleted;
import io.eventsuite.domain.idempotency.IdempotentExecution;
import io.eventsuite.domain.testing.Fixtures;
import io.eventsuite.domain.testing.InMemoryIdempotencyStore;
import io.eventsuite.domain.testing.MutableClock;
import io.eventsuite.platform.events.CloudEventCodec;
import io.eventsuite.platform.events.TransportContext;
import io.eventsuite.platform.json.StrictJson;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

@DisplayName("SQS batch consumer")
class SqsBatchConsumersTest {

    private final CloudEventCodec codec = new CloudEventCodec(StrictJson.create().mapper());
    private final MutableClock clock = new MutableClock();
    private final SqsBatchConsumers consumers = new SqsBatchConsumers(codec, new ProcessedEvents(
            new IdempotentExecution(new InMemoryIdempotencyStore(), clock, Duration.ofMinutes(2), Duration.ofHours(24))));
    private final EventEnvelope deleted = Fixtures.anEnvelope("e-1", new UserDeleted(new UserId("alice-sub"), 2));

    @Test
    void an_event_redelivered_three_times_is_handled_once_and_each_delivery_succeeds() {
        AtomicInteger calls = new AtomicInteger();
        var consumer = consumers.consumer("c", Set.of(UserDeleted.TYPE), event -> {
            calls.incrementAndGet();
            return Handling.done("ok");
        });

        for (int delivery = 0; delivery < 3; delivery++) {
            assertThat(failures(consumer, batch(deleted))).isEmpty();
        }

        assertThat(calls).hasValue(1);
    }

    @Test
    void two_consumers_each_handle_the_same_event_once() {
        AtomicInteger calls = new AtomicInteger();
        EventHandler counting = event -> {
            calls.incrementAndGet();
            return Handling.done("ok");
        };

        failures(consumers.consumer("first", Set.of(UserDeleted.TYPE), counting), batch(deleted));
        failures(consumers.consumer("second", Set.of(UserDeleted.TYPE), counting), batch(deleted));

        assertThat(calls).hasValue(2);
    }

    @Test
    void a_retry_is_not_remembered_so_the_redelivery_runs_again() {
        List<String> answers = new ArrayList<>(List.of("retry", "done"));
        AtomicInteger calls = new AtomicInteger();
        var consumer = consumers.consumer("c", Set.of(UserDeleted.TYPE), event -> {
            calls.incrementAndGet();
            return answers.remove(0).equals("retry") ? Handling.retryLater("not yet") : Handling.done("ok");
        });

        assertThat(failures(consumer, batch(deleted))).hasSize(1);
        assertThat(failures(consumer, batch(deleted))).isEmpty();
        assertThat(failures(consumer, batch(deleted))).isEmpty();

        assertThat(calls).hasValue(2);
    }

    @Test
    void after_a_failure_the_redelivery_runs_again_once_the_claim_lapsed_as_it_may_have_written_something() {
        List<String> answers = new ArrayList<>(List.of("throw", "done"));
        AtomicInteger calls = new AtomicInteger();
        var consumer = consumers.consumer("c", Set.of(UserDeleted.TYPE), event -> {
            calls.incrementAndGet();
            if (answers.remove(0).equals("throw")) {
                throw new IllegalStateException("boom");
            }
            return Handling.done("ok");
        });

        assertThat(failures(consumer, batch(deleted))).hasSize(1);
        assertThat(failures(consumer, batch(deleted))).as("too soon: the failed delivery's claim holds").hasSize(1);
        clock.advance(Duration.ofMinutes(2));
        assertThat(failures(consumer, batch(deleted))).isEmpty();
        assertThat(failures(consumer, batch(deleted))).isEmpty();

        assertThat(calls).hasValue(2);
    }

    @Test
    void only_the_failing_records_of_a_batch_are_reported() {
        var consumer = consumers.consumer("c", Set.of(UserDeleted.TYPE), event -> Handling.done("ok"));
        SQSEvent batch = batch(deleted);
        batch.getRecords().add(record("bad", "{oops"));

        assertThat(failures(consumer, batch)).containsExactly("bad");
    }

    /** The batch as the event source mapping sends it: JSON (the reader matches the setters' names in any case). */
    private static final JsonMapper EVENT_JSON = JsonMapper.builder().build();

    private static List<String> failures(SqsConsumerFunction consumer, SQSEvent batch) {
        SQSBatchResponse response = consumer.apply(org.springframework.messaging.support.MessageBuilder
                .<java.io.InputStream>withPayload(new java.io.ByteArrayInputStream(EVENT_JSON.writeValueAsBytes(batch)))
                .build());
        return response.getBatchItemFailures().stream().map(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .toList();
    }

    private SQSEvent batch(EventEnvelope event) {
        SQSEvent batch = new SQSEvent();
        batch.setRecords(new ArrayList<>(List.of(record("m-" + System.nanoTime(),
                codec.encode(event, TransportContext.NONE)))));
        return batch;
    }

    private static SQSEvent.SQSMessage record(String id, String body) {
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId(id);
        message.setBody(body);
        return message;
    }
}
