package io.eventsuite.localcloud.runtime.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsuite.localcloud.LocalEmulators;
import io.eventsuite.localcloud.faults.FaultKind;
import io.eventsuite.localcloud.faults.FaultPlan;
import io.eventsuite.localcloud.faults.Faults;
import io.eventsuite.localcloud.sqs.SqsEmulator;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@DisplayName("SQS event source mapping, against ElasticMQ")
class SqsEventSourceMappingTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static SqsEmulator emulator;
    private static SqsClient sqs;

    @BeforeAll
    static void start() {
        emulator = SqsEmulator.start();
        sqs = SqsClient.builder().endpointOverride(emulator.endpoint()).region(Region.of(emulator.region()))
                .credentialsProvider(LocalEmulators.CREDENTIALS).httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }

    @AfterAll
    static void stop() {
        sqs.close();
        emulator.close();
    }

    @Test
    void the_function_gets_lambdas_sqs_event_and_only_reported_failures_stay_on_the_queue() throws Exception {
        Queue queue = queueWithDlq(5);
        sqs.sendMessage(r -> r.queueUrl(queue.url).messageBody("ok-1")
                .messageAttributes(Map.of("type", MessageAttributeValue.builder().dataType("String")
                        .stringValue("io.eventsuite.user.deleted.v1").build())));
        sqs.sendMessage(r -> r.queueUrl(queue.url).messageBody("poison"));
        List<JsonNode> events = new ArrayList<>();
        SqsEventSourceMapping mapping = new SqsEventSourceMapping(sqs, queue.url, queue.arn, "us-east-1", 10,
                event -> {
                    JsonNode parsed = JSON.readTree(event);
                    events.add(parsed);
                    return failures(parsed, "poison");
                });

        SqsEventSourceMapping.PollResult result = pollUntilReceived(mapping, 2);

        assertThat(result.deleted()).isEqualTo(1);
        assertThat(result.kept()).isEqualTo(1);
        JsonNode record = events.get(0).path("Records").valueStream()
                .filter(r -> r.path("body").asString().equals("ok-1")).findFirst().orElseThrow();
        assertThat(record.path("eventSource").asString()).isEqualTo("aws:sqs");
        assertThat(record.path("eventSourceARN").asString()).isEqualTo(queue.arn);
        assertThat(record.path("attributes").path("ApproximateReceiveCount").asString()).isEqualTo("1");
        assertThat(record.path("messageAttributes").path("type").path("stringValue").asString())
                .isEqualTo("io.eventsuite.user.deleted.v1");
        assertThat(record.path("messageAttributes").path("type").path("dataType").asString()).isEqualTo("String");
        assertThat(record.path("md5OfBody").asString()).hasSize(32);
        assertThat(visibleAndInFlight(queue.url)).isEqualTo(1);
    }

    @Test
    void a_message_that_keeps_failing_reaches_the_dlq_after_max_receive_count() throws Exception {
        Queue queue = queueWithDlq(2);
        sqs.sendMessage(r -> r.queueUrl(queue.url).messageBody("poison"));
        SqsEventSourceMapping mapping = new SqsEventSourceMapping(sqs, queue.url, queue.arn, "us-east-1", 10,
                event -> failures(JSON.readTree(event), "poison"));

        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (dlqDepth(queue) == 0 && System.nanoTime() < deadline) {
            mapping.pollOnce(1);
        }

        assertThat(dlqDepth(queue)).isEqualTo(1);
        assertThat(visibleAndInFlight(queue.url)).isZero();
    }

    @Test
    void a_function_error_returns_the_whole_batch_to_the_queue() throws Exception {
        Queue queue = queueWithDlq(5);
        sqs.sendMessage(r -> r.queueUrl(queue.url).messageBody("a"));
        sqs.sendMessage(r -> r.queueUrl(queue.url).messageBody("b"));
        SqsEventSourceMapping mapping = new SqsEventSourceMapping(sqs, queue.url, queue.arn, "us-east-1", 10,
                event -> {
                    throw new IllegalStateException("boom");
                });

        SqsEventSourceMapping.PollResult result = pollUntilReceived(mapping, 2);

        assertThat(result.deleted()).isZero();
        assertThat(visibleAndInFlight(queue.url)).isEqualTo(2);
    }

    @Test
    void an_answer_that_is_not_a_batch_response_fails_the_whole_batch() throws Exception {
        Queue queue = queueWithDlq(5);
        sqs.sendMessage(r -> r.queueUrl(queue.url).messageBody("a"));
        SqsEventSourceMapping mapping = new SqsEventSourceMapping(sqs, queue.url, queue.arn, "us-east-1", 10,
                event -> "\"OK\"".getBytes(StandardCharsets.UTF_8));

        assertThat(pollUntilReceived(mapping, 1).kept()).isEqualTo(1);
    }

    @Test
    void batches_are_invoked_concurrently_up_to_the_maximum_concurrency() throws Exception {
        Queue queue = queueWithDlq(5);
        for (int i = 0; i < 24; i++) {
            int n = i;
            sqs.sendMessage(r -> r.queueUrl(queue.url).messageBody("m-" + n));
        }
        AtomicInteger running = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        AtomicInteger handled = new AtomicInteger();
        try (SqsEventSourceMapping mapping = new SqsEventSourceMapping(sqs, queue.url, queue.arn, "us-east-1", 1, 3,
                event -> {
                    peak.accumulateAndGet(running.incrementAndGet(), Math::max);
                    Thread.sleep(300);
                    running.decrementAndGet();
                    handled.incrementAndGet();
                    return "{\"batchItemFailures\":[]}".getBytes(StandardCharsets.UTF_8);
                })) {
            mapping.start();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (handled.get() < 24 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
        }

        assertThat(handled.get()).isEqualTo(24);
        assertThat(peak.get()).as("batches in flight at once").isEqualTo(3);
    }

    @Test
    void the_duplicate_fault_hands_a_message_to_the_function_twice_and_counts_it() throws Exception {
        Queue queue = queueWithDlq(5);
        sqs.sendMessage(r -> r.queueUrl(queue.url).messageBody("once"));
        List<String> deliveries = new java.util.concurrent.CopyOnWriteArrayList<>();
        Faults faults = new Faults(FaultPlan.parse("duplicate:1"), line -> { });
        SqsEventSourceMapping mapping = new SqsEventSourceMapping(sqs, queue.url, queue.arn, "us-east-1", 10, 1,
                event -> {
                    JSON.readTree(event).path("Records").forEach(r -> deliveries.add(
                            r.path("messageId").asString() + " " + r.path("body").asString()));
                    return "{}".getBytes(StandardCharsets.UTF_8);
                }, faults);

        SqsEventSourceMapping.PollResult result = pollUntilReceived(mapping, 1);

        assertThat(result.deleted()).isEqualTo(1);
        assertThat(deliveries).hasSize(2).allMatch(d -> d.endsWith(" once"));
        assertThat(deliveries.get(0)).isEqualTo(deliveries.get(1));
        assertThat(faults.counts()).containsEntry(FaultKind.DUPLICATE, 1L);
        assertThat(visibleAndInFlight(queue.url)).isZero();
    }

    private static byte[] failures(JsonNode event, String failingBody) {
        var response = JSON.createObjectNode();
        var failures = response.putArray("batchItemFailures");
        event.path("Records").forEach(r -> {
            if (r.path("body").asString().equals(failingBody)) {
                failures.addObject().put("itemIdentifier", r.path("messageId").asString());
            }
        });
        return JSON.writeValueAsBytes(response);
    }

    private static SqsEventSourceMapping.PollResult pollUntilReceived(SqsEventSourceMapping mapping, int expected) {
        int received = 0;
        int deleted = 0;
        int kept = 0;
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (received < expected && System.nanoTime() < deadline) {
            SqsEventSourceMapping.PollResult result = mapping.pollOnce(1);
            received += result.received();
            deleted += result.deleted();
            kept += result.kept();
        }
        return new SqsEventSourceMapping.PollResult(received, deleted, kept);
    }

    private record Queue(String url, String arn, String dlqUrl) {
    }

    private static Queue queueWithDlq(int maxReceiveCount) {
        String name = "q-" + UUID.randomUUID().toString().substring(0, 8);
        String dlqUrl = sqs.createQueue(r -> r.queueName(name + "-dlq")).queueUrl();
        String dlqArn = emulator.queueArn(name + "-dlq");
        String url = sqs.createQueue(r -> r.queueName(name).attributes(Map.of(
                QueueAttributeName.VISIBILITY_TIMEOUT, "1",
                QueueAttributeName.REDRIVE_POLICY,
                "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\"" + maxReceiveCount + "\"}")))
                .queueUrl();
        return new Queue(url, emulator.queueArn(name), dlqUrl);
    }

    private static int dlqDepth(Queue queue) {
        return Integer.parseInt(sqs.getQueueAttributes(r -> r.queueUrl(queue.dlqUrl)
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                .attributes().get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
    }

    private static int visibleAndInFlight(String url) {
        var attributes = sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        return Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                + Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }
}
