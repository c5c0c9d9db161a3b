package io.eventsuite.adapters.messaging.sns;

import io.eventsuite.adapters.messaging.resilience.DeadlineReached;
import io.eventsuite.adapters.messaging.resilience.PublishingResilience;
import io.eventsuite.adapters.messaging.resilience.TransientFailures;
import io.eventsuite.adapters.messaging.sns.PublishResult.Outcome;
import io.eventsuite.adapters.messaging.sns.PublishResult.Unpublished;
import io.eventsuite.domain.event.EventEnvelope;
import io.eventsuite.platform.events.CloudEventCodec;
import io.eventsuite.platform.events.TransportContext;
import io.eventsuite.platform.observability.CurrentTransportContext;
import io.eventsuite.platform.outbox.StoredEvent;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sns.model.PublishBatchRequestEntry;
import software.amazon.awssdk.services.sns.model.PublishBatchResponse;
import software.amazon.awssdk.services.sns.model.PublishBatchResultEntry;
import tools.jackson.databind.json.JsonMapper;

/**
 * The transport: publishes encoded CloudEvents to one service's SNS topic.
 *
 * <p>The message is the CloudEvent JSON verbatim (structured mode), so a raw-delivery subscription hands consumers
 * exactly what was encoded. The message attributes are an allow-list, the same on every message and well under the
 * SNS/SQS limit of 10: {@code type} (what subscription filter policies match on), and {@code traceparent} and
 * {@code correlationid} when the event carries them (so a consumer can continue the trace without parsing the body).
 *
 * <p>Events go out with {@code PublishBatch}: at most 10 entries and 256 KB per call, in the order given. SNS can
 * accept some entries of a call and fail others: entries it failed on its side are retried (only those), entries it
 * refused as the sender's fault are not, and whatever is not accepted in the end is reported as unpublished. A call
 * that fails as a whole (after retries), an open breaker or a near deadline stops the publish: the later events are
 * reported {@link Outcome#NOT_ATTEMPTED}.
 *
 * <p>It never throws for a transport failure: the {@link PublishResult} says what SNS accepted. Retries, breaker and
 * time budget come from the given {@link PublishingResilience}; the SNS client must have SDK retries off.
 */
public final class SnsEventPublisher {

    /** PublishBatch takes at most 10 entries. */
    public static final int MAX_BATCH_ENTRIES = 10;
    /** SNS's limit for one message and for all messages of one batch together (message plus attributes). */
    public static final int MAX_BATCH_BYTES = 256 * 1024;
    /** The only message attributes ever set. */
    public static final Set<String> ATTRIBUTE_ALLOW_LIST =
            Set.of(OutgoingEvent.TYPE, OutgoingEvent.TRACEPARENT, OutgoingEvent.CORRELATION_ID);

    private static final Logger LOG = LoggerFactory.getLogger(SnsEventPublisher.class);

    private final SnsClient sns;
    private final String topicArn;
    private final String topicName;
    private final CloudEventCodec codec;
    private final JsonMapper json;
    private final PublishingResilience resilience;

    /**
     * @param sns        a client from {@code LambdaSdkClients} (SDK retries off)
     * @param topicArn   the producing service's topic
     * @param codec      encodes envelopes
     * @param json       reads the tracing extensions back from stored events
     * @param resilience retry, breaker and time budget for this topic
     */
    public SnsEventPublisher(SnsClient sns, String topicArn, CloudEventCodec codec, JsonMapper json,
                             PublishingResilience resilience) {
        this.sns = Objects.requireNonNull(sns, "sns");
        this.topicArn = Objects.requireNonNull(topicArn, "topicArn");
        this.codec = Objects.requireNonNull(codec, "codec");
        this.json = Objects.requireNonNull(json, "json");
        this.resilience = Objects.requireNonNull(resilience, "resilience");
        this.topicName = topicArn.substring(topicArn.lastIndexOf(':') + 1);
    }

    /**
     * Publishes events as they are being committed: each encoded with the invocation's trace and correlation
     * ({@link CurrentTransportContext}), as the outbox stored them.
     */
    public PublishResult publishEnvelopes(List<EventEnvelope> events) {
        TransportContext context = CurrentTransportContext.get();
        List<OutgoingEvent> outgoing = new ArrayList<>(events.size());
        for (EventEnvelope event : events) {
            outgoing.add(OutgoingEvent.of(event.id().value(), event.type(), codec.encode(event, context), context));
        }
        return publish(outgoing);
    }

    /** Publishes stored events exactly as stored (the relay's path). */
    public PublishResult publishStored(List<StoredEvent> events) {
        List<OutgoingEvent> outgoing = new ArrayList<>(events.size());
        for (StoredEvent event : events) {
            outgoing.add(OutgoingEvent.of(event, json));
        }
        return publish(outgoing);
    }

    /** Whether a publish could go out now: the breaker permits calls and the deadline is not too near. */
    public boolean accepting() {
        return resilience.hasTimeLeft() && resilience.permitsCalls();
    }

    public String topicArn() {
        return topicArn;
    }

    /** The topic's name (the last part of its ARN), as metrics are tagged. */
    public String topicName() {
        return topicName;
    }

    public PublishingResilience resilience() {
        return resilience;
    }

    private PublishResult publish(List<OutgoingEvent> events) {
        List<String> published = new ArrayList<>();
        List<Unpublished> unpublished = new ArrayList<>();
        String stoppedBy = null;
        for (List<OutgoingEvent> chunk : chunks(events, unpublished)) {
            if (stoppedBy != null) {
                for (OutgoingEvent event : chunk) {
                    unpublished.add(new Unpublished(event.eventId(), event.type(), Outcome.NOT_ATTEMPTED, stoppedBy));
                }
                continue;
            }
            stoppedBy = publishChunk(chunk, published, unpublished);
        }
        // chunks() may have set aside oversize events out of order; report in the order given.
        List<String> order = events.stream().map(OutgoingEvent::eventId).toList();
        unpublished.sort((a, b) -> Integer.compare(order.indexOf(a.eventId()), order.indexOf(b.eventId())));
        return new PublishResult(published, unpublished);
    }

    /** Publishes one batch; returns why the publish should stop, or null to go on. */
    private String publishChunk(List<OutgoingEvent> chunk, List<String> published, List<Unpublished> unpublished) {
        Map<String, OutgoingEvent> remaining = new LinkedHashMap<>();
        for (int i = 0; i < chunk.size(); i++) {
            remaining.put("m" + i, chunk.get(i)); // event ids may exceed the 80 characters an entry id allows
        }
        int[] attempts = {0};
        try {
            resilience.call(budget -> {
                attempts[0]++;
                List<PublishBatchRequestEntry> entries = new ArrayList<>(remaining.size());
                remaining.forEach((id, event) -> entries.add(event.entry(id)));
                PublishBatchResponse response = sns.publishBatch(request -> request
                        .topicArn(topicArn)
                        .publishBatchRequestEntries(entries)
                        .overrideConfiguration(o -> o.apiCallTimeout(budget)));
                for (PublishBatchResultEntry accepted : response.successful()) {
                    OutgoingEvent event = remaining.remove(accepted.id());
                    if (event != null) {
                        published.add(event.eventId());
                    }
                }
                String serverSide = null;
                for (BatchResultErrorEntry failed : response.failed()) {
                    if (Boolean.TRUE.equals(failed.senderFault())) {
                        OutgoingEvent event = remaining.remove(failed.id());
                        if (event != null) {
                            unpublished.add(new Unpublished(event.eventId(), event.type(), Outcome.REFUSED,
                                    "entry refused: " + failed.code()));
                        }
                    } else {
                        serverSide = failed.code();
                    }
                }
                if (!remaining.isEmpty()) {
                    throw new TransientFailures.TransientFailure(remaining.size() + " of " + entries.size()
                            + " entries failed on SNS's side: " + (serverSide == null ? "no answer" : serverSide));
                }
                return null;
            });
            return null;
        } catch (SdkException | CallNotPermittedException | DeadlineReached
                 | TransientFailures.TransientFailure failure) {
            String reason = reason(failure);
            Outcome outcome = attempts[0] == 0 ? Outcome.NOT_ATTEMPTED : Outcome.FAILED;
            LOG.debug("publishing {} event(s) to {} ended after {} attempt(s): {}", remaining.size(), topicName,
                    attempts[0], reason);
            for (OutgoingEvent event : remaining.values()) {
                unpublished.add(new Unpublished(event.eventId(), event.type(), outcome, reason));
            }
            return reason;
        }
    }

    private static String reason(RuntimeException failure) {
        if (failure instanceof CallNotPermittedException) {
            return "circuit breaker open";
        }
        if (failure instanceof DeadlineReached) {
            return "invocation deadline near";
        }
        if (failure instanceof TransientFailures.TransientFailure) {
            return failure.getMessage();
        }
        return TransientFailures.describe(failure);
    }

    /** Batches of at most 10 entries and 256 KB; an event too large on its own is set aside as failed. */
    private static List<List<OutgoingEvent>> chunks(List<OutgoingEvent> events, List<Unpublished> tooLarge) {
        List<List<OutgoingEvent>> chunks = new ArrayList<>();
        List<OutgoingEvent> current = new ArrayList<>();
        int bytes = 0;
        for (OutgoingEvent event : events) {
            int size = event.size();
            if (size > MAX_BATCH_BYTES) {
                tooLarge.add(new Unpublished(event.eventId(), event.type(), Outcome.REFUSED,
                        "message of " + size + " bytes exceeds SNS's " + MAX_BATCH_BYTES));
                continue;
            }
            if (current.size() == MAX_BATCH_ENTRIES || bytes + size > MAX_BATCH_BYTES) {
                chunks.add(current);
                current = new ArrayList<>();
                bytes = 0;
            }
            current.add(event);
            bytes += size;
        }
        if (!current.isEmpty()) {
            chunks.add(current);
        }
        return chunks;
    }
}
