package io.eventsuite.localcloud.runtime.sqs;

import io.eventsuite.localcloud.faults.FaultKind;
import io.eventsuite.localcloud.faults.Faults;
import io.eventsuite.localcloud.runtime.LambdaInvoker;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Polls one queue and invokes one function the way an AWS Lambda SQS event source mapping with
 * {@code ReportBatchItemFailures} does.
 *
 * <ul>
 *   <li>receives up to {@code batchSize} messages with all system and message attributes (long polling);</li>
 *   <li>invokes the function with the {@code SQSEvent} JSON;</li>
 *   <li>on success, deletes every message except those in the response's {@code batchItemFailures};
 *       an empty or absent list means all succeeded, and an unparseable response fails the whole batch;</li>
 *   <li>on a function error, deletes nothing: the messages return after their visibility timeout, and the
 *       queue's redrive policy moves them to the DLQ after {@code maxReceiveCount} receives;</li>
 *   <li>keeps up to {@code maxConcurrency} batches in flight at once (Lambda's {@code ScalingConfig}).</li>
 * </ul>
 */
public final class SqsEventSourceMapping implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SqsEventSourceMapping.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SqsClient sqs;
    private final String queueUrl;
    private final String queueArn;
    private final String region;
    private final int batchSize;
    private final int maxConcurrency;
    private final LambdaInvoker function;
    private final Faults faults;
    private final AtomicBoolean running = new AtomicBoolean();
    private final List<Thread> pollers = new java.util.ArrayList<>();

    public SqsEventSourceMapping(SqsClient sqs, String queueUrl, String queueArn, String region, int batchSize,
            LambdaInvoker function) {
        this(sqs, queueUrl, queueArn, region, batchSize, 1, function);
    }

    /**
     * @param maxConcurrency how many batches may be in flight at once: the source's
     *                       {@code ScalingConfig.MaximumConcurrency}, else the function's concurrency limit
     */
    public SqsEventSourceMapping(SqsClient sqs, String queueUrl, String queueArn, String region, int batchSize,
            int maxConcurrency, LambdaInvoker function) {
        this(sqs, queueUrl, queueArn, region, batchSize, maxConcurrency, function, Faults.none());
    }

    /** @param faults the fault switch: at its duplicate rate, a message is handed to the function twice */
    public SqsEventSourceMapping(SqsClient sqs, String queueUrl, String queueArn, String region, int batchSize,
            int maxConcurrency, LambdaInvoker function, Faults faults) {
        if (batchSize < 1 || batchSize > 10) {
            throw new IllegalArgumentException("batch size must be 1 to 10");
        }
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.queueArn = queueArn;
        this.region = region;
        if (maxConcurrency < 1) {
            throw new IllegalArgumentException("maximum concurrency must be at least 1");
        }
        this.batchSize = batchSize;
        this.maxConcurrency = maxConcurrency;
        this.function = function;
        this.faults = faults;
    }

    /** One receive-invoke-delete cycle; returns what happened to the batch. */
    public PollResult pollOnce(int waitSeconds) {
        List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(queueUrl)
                .maxNumberOfMessages(batchSize)
                .waitTimeSeconds(waitSeconds)
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                .messageAttributeNames("All")).messages();
        if (messages.isEmpty()) {
            return new PollResult(0, 0, 0);
        }
        List<Message> twice = messages.stream().filter(m -> faults.roll(FaultKind.DUPLICATE)).toList();
        Set<String> failed;
        try {
            byte[] response = function.invoke(SqsEventJson.of(messages, queueArn, region));
            failed = failedIds(response, messages);
        } catch (Exception functionError) {
            LOG.warn("function failed on a batch of {} from {}; all return to the queue: {}", messages.size(),
                    queueArn, functionError.toString());
            return new PollResult(messages.size(), 0, messages.size());
        }
        deliverAgain(twice);
        List<DeleteMessageBatchRequestEntry> done = messages.stream()
                .filter(m -> !failed.contains(m.messageId()))
                .map(m -> DeleteMessageBatchRequestEntry.builder().id(m.messageId()).receiptHandle(m.receiptHandle()).build())
                .toList();
        if (!done.isEmpty()) {
            sqs.deleteMessageBatch(r -> r.queueUrl(queueUrl).entries(done));
        }
        return new PollResult(messages.size(), done.size(), messages.size() - done.size());
    }

    /**
     * The duplicate fault: at the switch's rate, a message the function has just processed is handed to it again
     * in a second invocation, as SQS redelivers a message whose delete was lost. Its outcome changes nothing: the
     * first invocation's answer decides what is deleted.
     */
    private void deliverAgain(List<Message> twice) {
        if (twice.isEmpty()) {
            return;
        }
        twice.forEach(m -> faults.injected(FaultKind.DUPLICATE, "message " + m.messageId() + " from "
                + queueArn.substring(queueArn.lastIndexOf(':') + 1) + " handed to the function twice"));
        try {
            function.invoke(SqsEventJson.of(twice, queueArn, region));
        } catch (Exception failed) {
            LOG.info("the duplicate delivery of {} message(s) from {} failed: {}", twice.size(), queueArn,
                    failed.toString());
        }
    }

    /**
     * Polls continuously until {@link #close()}, with as many pollers as batches may be in flight at once (each
     * receives, invokes and deletes in turn), as Lambda's pollers invoke concurrently up to the maximum
     * concurrency.
     */
    public void start() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        String name = "esm-" + queueArn.substring(queueArn.lastIndexOf(':') + 1);
        for (int i = 0; i < maxConcurrency; i++) {
            pollers.add(Thread.ofPlatform().daemon().name(name + "-" + i).start(() -> {
                while (running.get()) {
                    try {
                        pollOnce(1);
                    } catch (RuntimeException failure) {
                        LOG.warn("polling {} failed: {}", queueArn, failure.toString());
                        sleepQuietly();
                    }
                }
            }));
        }
    }

    public int maxConcurrency() {
        return maxConcurrency;
    }

    @Override
    public void close() {
        running.set(false);
        for (Thread poller : pollers) {
            try {
                poller.join(5_000);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The ids to keep: those the function reported; all of them if the response is not a batch response. */
    private static Set<String> failedIds(byte[] response, List<Message> batch) {
        Set<String> failed = new HashSet<>();
        try {
            JsonNode node = JSON.readTree(response);
            JsonNode failures = node.path("batchItemFailures");
            if (!node.isObject() || !(failures.isArray() || failures.isMissingNode() || failures.isNull())) {
                throw new IllegalArgumentException("not a batch response");
            }
            failures.forEach(f -> failed.add(f.path("itemIdentifier").asString()));
        } catch (RuntimeException unreadable) {
            LOG.warn("the function's answer is not a batch response; the whole batch returns to the queue");
            batch.forEach(m -> failed.add(m.messageId()));
        }
        return failed;
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** What one poll did: messages received, deleted as processed, and left to return to the queue. */
    public record PollResult(int received, int deleted, int kept) {
    }
}
