package io.eventsuite.platform.snapstart;

import java.util.List;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.function.context.FunctionCatalog;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * Registers the SnapStart priming hook at start-up (eagerly, although the context is lazy: the hook must be
 * registered before the snapshot is taken).
 *
 * <p>The default priming event carries no identity and no records: every HTTP route refuses it with 401 and every SQS
 * consumer handles an empty batch, and neither writes anything. That still walks the adapter, event parsing,
 * problem rendering and logging code paths. A service gives a function a richer event that is still free of side
 * effects with a {@link PrimingEvent} bean (docs/benchmarks.md, "SnapStart priming": the default alone leaves the first
 * invocation after a restore at two to three times a warm one).
 */
@Configuration(proxyBeanMethods = false)
public class SnapStartConfiguration {

    static final String PRIMING_EVENT = """
            {"version":"2.0","routeKey":"GET /snapstart-priming","rawPath":"/snapstart-priming","rawQueryString":"",\
            "headers":{"accept":"application/json"},"requestContext":{"requestId":"snapstart-priming",\
            "http":{"method":"GET","path":"/snapstart-priming"}},"isBase64Encoded":false,"Records":[]}""";

    @Bean
    @Lazy(false)
    SnapStartPriming snapStartPriming(FunctionCatalog catalog,
            @Value("${spring.cloud.function.definition:}") String definition, ObjectProvider<PrimingRead> reads,
            ObjectProvider<PrimingEvent> events) {
        String event;
        try {
            event = events.orderedStream().filter(e -> e.definition().equals(definition)).findFirst()
                    .map(PrimingEvent::json).orElse(PRIMING_EVENT);
        } catch (RuntimeException unavailable) {
            // Priming only makes restores faster: a broken priming event must never stop the function from starting.
            LoggerFactory.getLogger(SnapStartPriming.class).warn("priming events unavailable, priming {} with the "
                    + "default event: {}", definition, unavailable.toString());
            event = PRIMING_EVENT;
        }
        return new SnapStartPriming(catalog, definition, event, () -> reads.orderedStream().toList());
    }
}
