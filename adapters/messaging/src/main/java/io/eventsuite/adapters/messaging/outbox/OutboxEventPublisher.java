package io.eventsuite.adapters.messaging.outbox;

import io.eventsuite.adapters.messaging.sns.PublishResult;
import io.eventsuite.adapters.messaging.sns.SnsEventPublisher;
import io.eventsuite.domain.event.EventEnvelope;
import io.eventsuite.domain.event.EventPublisher;
import io.eventsuite.platform.outbox.PendingEvents;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link EventPublisher} use cases call once the aggregate and its pending events are written in one item (the
 * commit point): publishes the events to SNS, then forgets, per aggregate, those SNS accepted
 * ({@link PendingEvents#markPublished}).
 *
 * <p>Nothing leaves the outbox before SNS accepted it, so a failure anywhere leaves events pending and the
 * {@link OutboxRelay} publishes them later. It never throws: a transport failure, an open breaker, a near deadline or
 * a failed {@code markPublished} is logged at WARN with event ids and types (never the payload) and counted in
 * {@code eventsuite.outbox.left.pending}. An event published but not marked is published again by the relay: a
 * duplicate, which consumers absorb by deduplicating on the event id.
 *
 * <p>The aggregate is the events' CloudEvents {@code subject}, as the outbox stores them.
 */
public final class OutboxEventPublisher implements EventPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxEventPublisher.class);

    private final PendingEvents pendingEvents;
    private final SnsEventPublisher sns;
    private final OutboxMetrics metrics;

    public OutboxEventPublisher(PendingEvents pendingEvents, SnsEventPublisher sns, MeterRegistry meters) {
        this.pendingEvents = Objects.requireNonNull(pendingEvents, "pendingEvents");
        this.sns = Objects.requireNonNull(sns, "sns");
        this.metrics = new OutboxMetrics(Objects.requireNonNull(meters, "meters"), sns.topicName());
    }

    @Override
    public void publish(List<EventEnvelope> events) {
        if (events == null || events.isEmpty()) {
            return;
        }
        PublishResult result;
        try {
            result = sns.publishEnvelopes(events);
        } catch (RuntimeException unexpected) {
            metrics.leftPending(events.size());
            LOG.warn("publishing {} event(s) to {} failed ({}); left pending for the relay: {}", events.size(),
                    sns.topicName(), unexpected.getClass().getName(), Summaries.ofEnvelopes(events));
            return;
        }
        metrics.published(result.publishedIds().size());
        markPublished(events, result.publishedIds());
        if (!result.allPublished()) {
            metrics.leftPending(result.unpublished().size());
            LOG.warn("{} of {} event(s) not published to {}; left pending for the relay: {}",
                    result.unpublished().size(), events.size(), sns.topicName(),
                    Summaries.ofUnpublished(result.unpublished()));
        }
    }

    private void markPublished(List<EventEnvelope> events, List<String> publishedIds) {
        if (publishedIds.isEmpty()) {
            return;
        }
        Map<String, String> subjectOf = new HashMap<>();
        events.forEach(e -> subjectOf.put(e.id().value(), e.subject()));
        Map<String, List<String>> byAggregate = new LinkedHashMap<>();
        for (String id : publishedIds) {
            byAggregate.computeIfAbsent(subjectOf.get(id), s -> new ArrayList<>()).add(id);
        }
        byAggregate.forEach((aggregateId, ids) -> {
            try {
                pendingEvents.markPublished(aggregateId, ids);
            } catch (RuntimeException failure) {
                LOG.warn("{} event(s) published to {} but still marked pending ({}); the relay will publish them "
                        + "again: {}", ids.size(), sns.topicName(), failure.getClass().getName(), ids);
            }
        });
    }
}
