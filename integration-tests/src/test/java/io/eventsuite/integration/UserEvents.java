package io.eventsuite.integration;

import io.eventsuite.adapters.messaging.resilience.LambdaSdkClients;
import io.eventsuite.adapters.messaging.resilience.PublishingResilience;
import io.eventsuite.adapters.messaging.resilience.PublishingResilienceConfig;
import io.eventsuite.adapters.messaging.sns.SnsEventPublisher;
import io.eventsuite.domain.common.Email;
import io.eventsuite.domain.common.EventId;
import io.eventsuite.domain.common.UserId;
import io.eventsuite.domain.event.DomainEvent;
import io.eventsuite.domain.event.EventEnvelope;
import io.eventsuite.domain.event.EventSources;
import io.eventsuite.domain.event.UserDeleted;
import io.eventsuite.domain.event.UserRegistered;
import io.eventsuite.domain.user.NotificationPreferences;
import io.eventsuite.platform.events.CloudEventCodec;
import io.eventsuite.platform.json.StrictJson;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Publishes user events to the user topic with the production SNS publisher, as the user service does, so
 * that what reaches the consumers is exactly what a producer sends.
 */
final class UserEvents {

    private final SnsEventPublisher publisher;

    UserEvents(LocalAws aws) {
        var json = StrictJson.create().mapper();
        var config = PublishingResilienceConfig.DEFAULTS;
        publisher = new SnsEventPublisher(LambdaSdkClients.sns(config), aws.userTopicArn, new CloudEventCodec(json),
                json, PublishingResilience.create("test-user-events", config, new SimpleMeterRegistry(), Clock.systemUTC()));
    }

    EventEnvelope registered(String userId, String email) {
        return publish(new UserRegistered(new UserId(userId), "Alice", new Email(email), NotificationPreferences.DEFAULT));
    }

    EventEnvelope deleted(String userId) {
        return publish(new UserDeleted(new UserId(userId), 2));
    }

    /** Publishes the very same event again: a redelivery, as SNS and SQS may make. */
    void republish(EventEnvelope event) {
        publisher.publishEnvelopes(List.of(event));
    }

    private EventEnvelope publish(DomainEvent data) {
        EventEnvelope event = EventEnvelope.wrap(new EventId(UUID.randomUUID().toString()), EventSources.USERS,
                Instant.now(), data);
        var result = publisher.publishEnvelopes(List.of(event));
        if (!result.allPublished()) {
            throw new IllegalStateException("could not publish " + event.type() + ": " + result.unpublished());
        }
        return event;
    }
}
