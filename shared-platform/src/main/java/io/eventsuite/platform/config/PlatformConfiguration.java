package io.eventsuite.platform.config;

import io.eventsuite.domain.common.IdGenerator;
import io.eventsuite.platform.auth.BearerTokenVerifier;
import io.eventsuite.platform.auth.LocalIssuer;
import io.eventsuite.platform.events.CloudEventCodec;
import io.eventsuite.platform.http.CallerAuthentication;
import io.eventsuite.platform.http.HttpRoutes;
import io.eventsuite.platform.json.StrictJson;
import io.eventsuite.platform.metrics.InvocationMetrics;
import io.eventsuite.platform.metrics.MetricsConfiguration;
import io.eventsuite.platform.snapstart.SnapStartConfiguration;
import io.eventsuite.platform.sqs.ProcessedEvents;
import io.eventsuite.platform.sqs.SqsBatchConsumers;
import io.eventsuite.platform.tracing.InvocationTracing;
import io.eventsuite.platform.tracing.TracingConfiguration;
import io.eventsuite.domain.idempotency.IdempotentExecution;
import java.time.Clock;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shared layer's beans, imported explicitly by every service (no component scanning: it costs start-up
 * time on every cold start). Settings come from the environment; see eventsuite-platform.properties.
 */
@Configuration(proxyBeanMethods = false)
@Import({SnapStartConfiguration.class, TracingConfiguration.class, MetricsConfiguration.class})
public class PlatformConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(PlatformConfiguration.class);

    /** Static: a registry post-processor must not make its configuration class a bean before the others. */
    @Bean
    static NoEventListenerMethods noEventListenerMethods() {
        return new NoEventListenerMethods();
    }

    /**
     * The suite's strict mapper, deliberately not a Jackson-typed bean: the adapter reads whole Lambda events
     * with the context's JsonMapper, and those must stay lenient (AWS adds fields) and unlimited in size.
     */
    @Bean
    StrictJson strictJson() {
        return StrictJson.create();
    }

    @Bean
    HttpRoutes httpRoutes(StrictJson strictJson, @Value("${eventsuite.http.max-body-bytes}") int maxBodyBytes,
            InvocationTracing tracing, InvocationMetrics metrics, Environment environment) {
        return new HttpRoutes(strictJson.mapper(), maxBodyBytes, tracing, metrics, callerAuthentication(environment));
    }

    /**
     * The authorizer's claims only, unless the local cloud's env.json names its dev issuer ({@code sam local
     * start-api}, which runs no JWT authorizer): the template never does, so no deployed function verifies tokens.
     */
    private static CallerAuthentication callerAuthentication(Environment environment) {
        return LocalIssuer.from(environment::getProperty).map(issuer -> {
            LOG.warn("verifying bearer tokens against the local issuer {} (sam local); never so in AWS",
                    issuer.jwksUri());
            return CallerAuthentication.verifyingBearerTokens(new BearerTokenVerifier(issuer));
        }).orElse(CallerAuthentication.AUTHORIZER);
    }

    @Bean
    CloudEventCodec cloudEventCodec(StrictJson strictJson) {
        return new CloudEventCodec(strictJson.mapper());
    }

    /** Needs the idempotency store (IdempotencyConfiguration): every consumer deduplicates on event id. */
    @Bean
    SqsBatchConsumers sqsBatchConsumers(CloudEventCodec cloudEventCodec, IdempotentExecution idempotentExecution,
            InvocationTracing tracing, InvocationMetrics metrics) {
        return new SqsBatchConsumers(cloudEventCodec, new ProcessedEvents(idempotentExecution), tracing, metrics);
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
