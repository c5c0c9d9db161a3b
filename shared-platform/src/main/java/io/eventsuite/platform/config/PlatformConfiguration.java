package io.eventsuite.platform.config;

import io.eventsuite.domain.common.IdGenerator;
import io.eventsuite.platform.events.CloudEventCodec;
import io.eventsuite.platform.http.HttpRoutes;
import io.eventsuite.platform.json.StrictJson;
import io.eventsuite.platform.sqs.SqsBatchConsumers;
import java.time.Clock;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shared layer's beans, imported explicitly by every service (no component scanning: it costs start-up
 * time on every cold start). Settings come from the environment; see eventsuite-platform.properties.
 */
@Configuration(proxyBeanMethods = false)
public class PlatformConfiguration {

    /** The suite's strict mapper; named so it never replaces the adapter's own mapper. */
    @Bean
    JsonMapper eventsuiteJson() {
        return StrictJson.mapper();
    }

    @Bean
    HttpRoutes httpRoutes(JsonMapper eventsuiteJson, @Value("${eventsuite.http.max-body-bytes}") int maxBodyBytes) {
        return new HttpRoutes(eventsuiteJson, maxBodyBytes);
    }

    @Bean
    CloudEventCodec cloudEventCodec(JsonMapper eventsuiteJson) {
        return new CloudEventCodec(eventsuiteJson);
    }

    @Bean
    SqsBatchConsumers sqsBatchConsumers(CloudEventCodec cloudEventCodec) {
        return new SqsBatchConsumers(cloudEventCodec);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    IdGenerator idGenerator() {
        return () -> UUID.randomUUID().toString();
    }
}
