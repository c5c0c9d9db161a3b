package io.eventsuite.platform.sqs;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.eventsuite.platform.events.CloudEventCodec;
import io.eventsuite.platform.events.DecodedEvent;
import io.eventsuite.platform.events.UndecodableEvent;
import io.eventsuite.platform.json.LambdaEventJson;
import io.eventsuite.platform.observability.InvocationLogContext;
import io.eventsuite.platform.observability.LambdaContexts;
import io.eventsuite.platform.metrics.InvocationMetrics;
import io.eventsuite.platform.tracing.IncomingTrace;
import io.eventsuite.platform.tracing.InvocationTracing;
import io.eventsuite.platform.tracing.TracedSpan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns an {@link EventHandler} into the Lambda function behind one SQS event source mapping.
 *
 * <p>Each record of the batch is handled on its own and the function answers with a partial batch response
 * (the mapping needs {@code ReportBatchItemFailures}): only the records that failed return to the queue,
 * and after the queue's {@code maxReceiveCount} they move to its DLQ. So one bad message never holds up or
 * re-runs the rest, and none is lost. Failures are logged with the message id and the reason, never the
 * payload. The function never throws: a throw would return the whole batch to the queue.
 *
 * <p>Each event only names its type to the handler; the handler's {@link Set} of accepted types guards
 * against a filter policy that lets through more than it should.
 *
 * <p>Each record is one CONSUMER span, child of the producer's span named by the record's {@code traceparent}
 * message attribute (else the {@code AWSTraceHeader} system attribute); a record that fails marks its span as an
 * error. Spans are flushed before the batch response is returned.
 */
public final class SqsBatchConsumers {

    private static final Logger LOG = LoggerFactory.getLogger(SqsBatchConsumers.class);

    private final CloudEventCodec codec;
    private final ProcessedEvents processed;
    private final InvocationTracing tracing;
    private final InvocationMetrics metrics;

    public SqsBatchConsumers(CloudEventCodec codec, ProcessedEvents processed) {
        this(codec, processed, InvocationTracing.OFF, InvocationMetrics.OFF);
    }

    public SqsBatchConsumers(CloudEventCodec codec, ProcessedEvents processed, InvocationTracing tracing,
            InvocationMetrics metrics) {
        this.codec = codec;
        this.processed = processed;
        this.tracing = tracing;
        this.metrics = metrics;
    }

    /**
     * @param name          the consumer's name (its function's name): events are deduplicated per consumer
     * @param acceptedTypes the event types it handles; anything else is refused (and so ends in the DLQ)
     */
    public SqsConsumerFunction consumer(String name, Set<String> acceptedTypes, EventHandler handler) {
        EventHandler once = event -> processed.once(name, event, handler);
        return message -> handleBatch(LambdaEventJson.read(message.getPayload(), SQSEvent.class), LambdaContexts.of(message),
                acceptedTypes, once);
    }

    SQSBatchResponse handleBatch(SQSEvent batch, Context lambda, Set<String> acceptedTypes, EventHandler handler) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        List<SQSEvent.SQSMessage> records = batch == null || batch.getRecords() == null ? List.of() : batch.getRecords();
        try (var ignored = InvocationLogContext.open(lambda, null, null)) {
            metrics.count(InvocationMetrics.COLD_STARTS, InvocationLogContext.coldStart() ? 1 : 0);
            for (SQSEvent.SQSMessage record : records) {
                if (!handleRecord(record, lambda, acceptedTypes, handler)) {
                    failures.add(new SQSBatchResponse.BatchItemFailure(record.getMessageId()));
                }
            }
            LOG.info("batch of {} handled, {} failed", records.size(), failures.size());
            metrics.count(InvocationMetrics.BATCH_ITEM_FAILURES, failures.size());
        } finally {
            tracing.flush();
            metrics.flush(lambda == null ? null : lambda.getFunctionName());
        }
        return new SQSBatchResponse(failures);
    }

    private boolean handleRecord(SQSEvent.SQSMessage record, Context lambda, Set<String> acceptedTypes,
            EventHandler handler) {
        InvocationLogContext.forMessage(record.getMessageId(), attribute(record, "correlationid").orElse(null));
        var parent = IncomingTrace.parent(attribute(record, "traceparent").orElse(null),
                record.getAttributes() == null ? null : record.getAttributes().get("AWSTraceHeader"));
        try (TracedSpan span = tracing.consumer(queueOf(record), record.getMessageId(), parent, lambda)) {
            try {
                DecodedEvent decoded = codec.decode(record.getBody());
                InvocationLogContext.forMessage(record.getMessageId(), decoded.context().correlationId().orElse(null));
                String type = decoded.envelope().type();
                span.tag("cloudevents.event_type", type).tag("cloudevents.event_id", decoded.envelope().id().value());
                if (!acceptedTypes.contains(type)) {
                    throw new UndecodableEvent("this consumer does not handle " + type);
                }
                Handling handling = handler.handle(decoded.envelope());
                return switch (handling) {
                    case Handling.Done done -> {
                        metrics.count(InvocationMetrics.IDEMPOTENCY_REPLAYS,
                                done.outcome().startsWith(ProcessedEvents.ALREADY_PROCESSED) ? 1 : 0);
                        LOG.info("event {} of type {} handled: {}", decoded.envelope().id(), type, done.outcome());
                        yield true;
                    }
                    case Handling.RetryLater retry -> {
                        LOG.warn("event {} of type {} will be retried: {}", decoded.envelope().id(), type,
                                retry.reason());
                        span.failed("retry later");
                        yield false;
                    }
                };
            } catch (UndecodableEvent undecodable) {
                LOG.error("message {} rejected, it goes back to the queue and on to the DLQ: {}",
                        record.getMessageId(), undecodable.getMessage());
                span.failed("undecodable event");
                return false;
            } catch (RuntimeException failure) {
                LOG.error("message {} failed, it will be retried", record.getMessageId(), failure);
                span.failed(failure.getClass().getSimpleName());
                return false;
            }
        } finally {
            InvocationLogContext.endMessage();
        }
    }

    /** The queue's name, the last part of the record's source ARN. */
    private static String queueOf(SQSEvent.SQSMessage record) {
        String arn = record.getEventSourceArn();
        return arn == null ? null : arn.substring(arn.lastIndexOf(':') + 1);
    }

    private static Optional<String> attribute(SQSEvent.SQSMessage record, String name) {
        Map<String, SQSEvent.MessageAttribute> attributes = record.getMessageAttributes();
        if (attributes == null || attributes.get(name) == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(attributes.get(name).getStringValue());
    }
}
