package io.eventsuite.localcloud.sns;

import java.lang.System.Logger.Level;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.eventsuite.localcloud.sqs.SqsEmulator;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/**
 * Fans a published message out to a topic's SQS subscriptions: filter policy, raw or envelope body, send with a few
 * retries, then the subscription's redrive dead-letter queue, else drop (and log), as SNS does once it gives up.
 *
 * <p>Delivery runs synchronously inside Publish, which keeps tests deterministic: when Publish returns, every
 * matching queue has its copy. Everything about delivery lives here, so it can move to an executor later without
 * touching the protocol side.
 */
final class SqsDelivery {

    private static final System.Logger LOG = System.getLogger(SqsDelivery.class.getName());
    static final int MAX_SQS_ATTRIBUTES = 10;

    private final SqsClient sqs;
    private final int maxAttempts;
    private final Duration backoff;
    private volatile URI standInEndpoint = URI.create("http://127.0.0.1");
    private final Map<String, String> queueUrls = new ConcurrentHashMap<>();

    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong filteredOut = new AtomicLong();
    private final AtomicLong retried = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong droppedTooManyAttributes = new AtomicLong();

    SqsDelivery(SqsClient sqs, int maxAttempts, Duration backoff) {
        this.sqs = Objects.requireNonNull(sqs, "sqs");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        this.maxAttempts = maxAttempts;
        this.backoff = backoff;
    }

    void standInEndpoint(URI endpoint) {
        this.standInEndpoint = endpoint;
    }

    DeliveryStats stats() {
        return new DeliveryStats(delivered.get(), filteredOut.get(), retried.get(), deadLettered.get(), dropped.get(),
                droppedTooManyAttributes.get());
    }

    /** Delivers one notification to every subscription whose filter policy accepts it. */
    void fanOut(Notification notification, List<Subscription> subscriptions) {
        for (Subscription subscription : subscriptions) {
            deliver(notification, subscription);
        }
    }

    private void deliver(Notification n, Subscription subscription) {
        Subscription.Settings settings = subscription.settings();
        if (settings.filterPolicy() != null && !settings.filterPolicy().matches(n.message(), n.attributes())) {
            filteredOut.incrementAndGet();
            return;
        }
        SendMessageRequest.Builder request = SendMessageRequest.builder();
        if (settings.rawMessageDelivery()) {
            if (n.attributes().size() > MAX_SQS_ATTRIBUTES) {
                droppedTooManyAttributes.incrementAndGet();
                LOG.log(Level.WARNING, "SNS message {0} not delivered to {1}: raw delivery of {2} message attributes "
                        + "(SQS takes at most 10); AWS drops it too", n.messageId(), subscription.arn,
                        n.attributes().size());
                return;
            }
            request.messageBody(n.message()).messageAttributes(sqsAttributes(n.attributes()));
        } else {
            request.messageBody(SnsEnvelope.toJson(n, subscription.arn, standInEndpoint));
        }
        String queueName = SqsEmulator.queueNameFromArn(subscription.endpoint);
        RuntimeException failure = sendWithRetries(queueName, request);
        if (failure == null) {
            delivered.incrementAndGet();
            return;
        }
        String dlqArn = settings.deadLetterTargetArn();
        if (dlqArn != null) {
            RuntimeException dlqFailure = sendWithRetries(SqsEmulator.queueNameFromArn(dlqArn), request);
            if (dlqFailure == null) {
                deadLettered.incrementAndGet();
                LOG.log(Level.INFO, "SNS message {0} for {1} went to dead-letter queue {2} after {3} attempts: {4}",
                        n.messageId(), subscription.arn, dlqArn, maxAttempts, failure.getMessage());
                return;
            }
            failure.addSuppressed(dlqFailure);
        }
        dropped.incrementAndGet();
        LOG.log(Level.WARNING, "SNS message {0} for {1} dropped after {2} attempts ({3}): {4}", n.messageId(),
                subscription.arn, maxAttempts, dlqArn == null ? "no redrive policy" : "dead-letter queue failed too",
                failure.toString());
    }

    /** Null on success, else the last failure. */
    private RuntimeException sendWithRetries(String queueName, SendMessageRequest.Builder request) {
        RuntimeException last = null;
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            if (attempt > 1) {
                retried.incrementAndGet();
                pause(attempt);
            }
            try {
                String url = queueUrls.computeIfAbsent(queueName,
                        name -> sqs.getQueueUrl(b -> b.queueName(name)).queueUrl());
                try {
                    sqs.sendMessage(request.queueUrl(url).build());
                    return null;
                } catch (QueueDoesNotExistException e) {
                    queueUrls.remove(queueName, url);
                    throw e;
                }
            } catch (RuntimeException e) {
                last = e;
            }
        }
        return last;
    }

    private void pause(int attempt) {
        if (backoff.isZero()) {
            return;
        }
        try {
            Thread.sleep(backoff.multipliedBy(attempt - 1L).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static Map<String, software.amazon.awssdk.services.sqs.model.MessageAttributeValue> sqsAttributes(
            Map<String, MessageAttributeValue> attributes) {
        Map<String, software.amazon.awssdk.services.sqs.model.MessageAttributeValue> result = new LinkedHashMap<>();
        attributes.forEach((name, value) -> {
            var builder = software.amazon.awssdk.services.sqs.model.MessageAttributeValue.builder()
                    .dataType(value.dataType());
            if (value.isBinary()) {
                builder.binaryValue(SdkBytes.fromByteArray(value.binaryValue()));
            } else {
                builder.stringValue(value.stringValue());
            }
            result.put(name, builder.build());
        });
        return result;
    }
}
