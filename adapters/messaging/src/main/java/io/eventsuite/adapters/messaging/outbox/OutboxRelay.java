package io.eventsuite.adapters.messaging.outbox;

import com.amazonaws.services.lambda.runtime.Context;
import io.eventsuite.adapters.messaging.outbox.RelayReport.Stop;
import io.eventsuite.adapters.messaging.resilience.PublishingResilience;
import io.eventsuite.adapters.messaging.sns.PublishResult;
import io.eventsuite.adapters.messaging.sns.PublishResult.Unpublished;
import io.eventsuite.adapters.messaging.sns.SnsEventPublisher;
import io.eventsuite.platform.observability.InvocationDeadline;
import io.eventsuite.platform.outbox.PendingBatch;
import io.eventsuite.platform.outbox.PendingEvents;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes what the {@link OutboxEventPublisher} could not: reads the aggregates still holding pending events,
 * oldest first, publishes each one's events exactly as stored and in order, and forgets those SNS accepted. It backs a
 * scheduled Lambda function (wired elsewhere); this is a plain method.
 *
 * <p>It stops early, leaving the rest for the next run, when the circuit breaker is open (SNS is failing: hammering
 * it helps nobody) or the invocation's deadline is near ({@link InvocationDeadline}, started by the caller, or by
 * {@link #relay(int, Context)}). Running twice, or alongside the publisher, is safe: at worst an event is published
 * twice, and consumers deduplicate on its id. Nothing is forgotten before SNS accepted it.
 *
 * <p>It relays only events older than {@link RelayPolicy#minAge()}: younger ones are being published by the request
 * that wrote them. An event SNS refuses as the sender's fault is counted in its item; after
 * {@link RelayPolicy#maxRefusals()} refusals it is parked (kept in the item, no longer relayed, logged with its id
 * and type only, counted in the report) until an operator redrives it.
 *
 * <p>A failure to read the outbox is thrown (nothing was done, and the scheduled invocation should show as failed);
 * SNS failures and a failed {@code markPublished} are not: they are logged, counted and reported, and
 * {@link RelayReport#inTrouble()} tells the caller to fail the invocation so the alarm sees it.
 */
public final class OutboxRelay {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);

    private final PendingEvents pendingEvents;
    private final SnsEventPublisher sns;
    private final OutboxMetrics metrics;
    private final RelayPolicy policy;

    public OutboxRelay(PendingEvents pendingEvents, SnsEventPublisher sns, MeterRegistry meters) {
        this(pendingEvents, sns, meters, RelayPolicy.DEFAULTS);
    }

    public OutboxRelay(PendingEvents pendingEvents, SnsEventPublisher sns, MeterRegistry meters, RelayPolicy policy) {
        this.pendingEvents = Objects.requireNonNull(pendingEvents, "pendingEvents");
        this.sns = Objects.requireNonNull(sns, "sns");
        this.metrics = new OutboxMetrics(Objects.requireNonNull(meters, "meters"), sns.topicName());
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /**
     * Relays the pending events of at most {@code maxAggregates} aggregates, within the invocation deadline the
     * caller started (if any).
     */
    public RelayReport relay(int maxAggregates) {
        if (maxAggregates < 1) {
            throw new IllegalArgumentException("maxAggregates must be at least 1, was " + maxAggregates);
        }
        Instant writtenBefore = sns.resilience().clock().instant().minus(policy.minAge());
        List<PendingBatch> batches = pendingEvents.oldest(maxAggregates, writtenBefore);
        int published = 0;
        int stillPending = 0;
        int failed = 0;
        int parkedNow = 0;
        Stop stoppedBy = Stop.COMPLETED;
        for (int i = 0; i < batches.size(); i++) {
            PendingBatch batch = batches.get(i);
            if (batch.events().isEmpty()) {
                continue;
            }
            Stop stop = stopReason();
            if (stop != null) {
                stoppedBy = stop;
                for (PendingBatch notTried : batches.subList(i, batches.size())) {
                    stillPending += notTried.events().size();
                }
                break;
            }
            PublishResult result = sns.publishStored(batch.events());
            published += result.publishedIds().size();
            stillPending += result.unpublished().size();
            failed += result.failedCount();
            metrics.published(result.publishedIds().size());
            metrics.leftPending(result.unpublished().size());
            markPublished(batch.aggregateId(), result.publishedIds());
            int parkedHere = recordRefusals(batch.aggregateId(), result.refused());
            parkedNow += parkedHere;
            stillPending -= parkedHere;
            if (!result.allPublished()) {
                LOG.warn("relay: {} of {} event(s) of aggregate {} not published to {}; still pending: {}",
                        result.unpublished().size(), batch.events().size(), batch.aggregateId(), sns.topicName(),
                        Summaries.ofUnpublished(result.unpublished()));
            }
        }
        RelayReport report = new RelayReport(batches.size(), published, stillPending, failed, parkedNow,
                parkedCount(), stoppedBy);
        if (report.parked() > 0) {
            LOG.error("relay to {}: {} event(s) parked, waiting for a redrive (docs/deployment.md): {}", sns.topicName(),
                    report.parked(), report);
        } else if (report.stoppedEarly() || report.failed() > 0) {
            LOG.warn("relay to {} left events pending: {}", sns.topicName(), report);
        } else if (report.aggregates() > 0) {
            LOG.info("relay to {}: {}", sns.topicName(), report);
        }
        return report;
    }

    /**
     * Relays within this Lambda invocation's deadline: starts {@link InvocationDeadline} from the context and clears
     * it at the end. For a handler that did not start the deadline itself.
     */
    public RelayReport relay(int maxAggregates, Context lambda) {
        Objects.requireNonNull(lambda, "lambda");
        InvocationDeadline.start(lambda, sns.resilience().clock());
        try {
            return relay(maxAggregates);
        } finally {
            InvocationDeadline.clear();
        }
    }

    private Stop stopReason() {
        PublishingResilience resilience = sns.resilience();
        if (!resilience.hasTimeLeft()) {
            return Stop.DEADLINE;
        }
        if (!resilience.permitsCalls()) {
            return Stop.CIRCUIT_OPEN;
        }
        return null;
    }

    /** Counts the refusals in the outbox; returns how many events that parked. */
    private int recordRefusals(String aggregateId, List<Unpublished> refused) {
        if (refused.isEmpty()) {
            return 0;
        }
        List<String> parked;
        try {
            parked = pendingEvents.recordRefusals(aggregateId,
                    refused.stream().map(Unpublished::eventId).toList(), policy.maxRefusals());
        } catch (RuntimeException failure) {
            LOG.warn("relay: could not count {} refusal(s) of aggregate {} ({}); they stay pending",
                    refused.size(), aggregateId, failure.getClass().getName());
            return 0;
        }
        if (!parked.isEmpty()) {
            LOG.error("relay: {} event(s) of aggregate {} refused by {} {} times and parked: {}", parked.size(),
                    aggregateId, sns.topicName(), policy.maxRefusals(), Summaries.ofUnpublished(
                            refused.stream().filter(u -> parked.contains(u.eventId())).toList()));
        }
        return parked.size();
    }

    private int parkedCount() {
        try {
            return pendingEvents.parkedCount();
        } catch (RuntimeException failure) {
            LOG.warn("relay: could not count parked events ({})", failure.getClass().getName());
            return 0;
        }
    }

    private void markPublished(String aggregateId, List<String> eventIds) {
        if (eventIds.isEmpty()) {
            return;
        }
        try {
            pendingEvents.markPublished(aggregateId, eventIds);
        } catch (RuntimeException failure) {
            LOG.warn("relay: {} event(s) of aggregate {} published to {} but still marked pending ({}); the next "
                    + "run publishes them again: {}", eventIds.size(), aggregateId, sns.topicName(),
                    failure.getClass().getName(), eventIds);
        }
    }
}
