package io.eventsuite.adapters.wiring;

import io.eventsuite.adapters.messaging.outbox.OutboxEventPublisher;
import io.eventsuite.adapters.messaging.outbox.OutboxRelay;
import io.eventsuite.adapters.messaging.outbox.RelayPolicy;
import io.eventsuite.adapters.messaging.resilience.PublishingResilience;
import io.eventsuite.adapters.messaging.resilience.PublishingResilienceConfig;
import io.eventsuite.adapters.messaging.sns.SnsEventPublisher;
import io.eventsuite.domain.event.EventPublisher;
import io.eventsuite.platform.events.CloudEventCodec;
import io.eventsuite.platform.json.StrictJson;
import io.eventsuite.platform.outbox.PendingEvents;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * Publishing without loss, for a service that produces events: the use cases' {@link EventPublisher}
 * publishes to the service's topic ({@code EVENTS_TOPIC_ARN}) after the write and clears what SNS accepted
 * from the {@link PendingEvents} of the service's table (a bean the service declares); the relay publishes
 * whatever is left.
 */
@Configuration(proxyBeanMethods = false)
public class OutboxConfiguration {

    @Bean
    SnsEventPublisher snsEventPublisher(SnsClient sns, @Value("${EVENTS_TOPIC_ARN}") String topicArn,
            CloudEventCodec codec, StrictJson json, PublishingResilienceConfig config, MeterRegistry meters,
            Clock clock) {
        PublishingResilience resilience = PublishingResilience.create("sns-publish", config, meters, clock);
        return new SnsEventPublisher(sns, topicArn, codec, json.mapper(), resilience);
    }

    @Bean
    EventPublisher eventPublisher(PendingEvents pendingEvents, SnsEventPublisher sns, MeterRegistry meters) {
        return new OutboxEventPublisher(pendingEvents, sns, meters);
    }

    @Bean
    OutboxRelay outboxRelay(PendingEvents pendingEvents, SnsEventPublisher sns, MeterRegistry meters,
            @Value("${eventsuite.outbox.relay.min-age}") Duration minAge,
            @Value("${eventsuite.outbox.relay.max-refusals}") int maxRefusals) {
        return new OutboxRelay(pendingEvents, sns, meters, new RelayPolicy(minAge, maxRefusals));
    }
}
