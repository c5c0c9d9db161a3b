package io.eventsuite.platform.snapstart;

import java.util.Optional;
import java.util.function.Supplier;
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
 * invocation after a restore at two to three times a warm one), and its success path with an
 * {@link InMemoryPrimingEvent}, which runs only inside the context's {@link PrimingSandbox} (the AWS clients' wiring
 * provides it): refused events stop before the success path, which was most of what a first invocation still loaded.
 */
@Configuration(proxyBeanMethods = false)
public class SnapStartConfiguration {

    /** The priming event of a function without a {@link PrimingEvent}: no identity, no records (see above). */
    public static final String DEFAULT_PRIMING_EVENT = """
            {"version":"2.0","routeKey":"GET /snapstart-priming","rawPath":"/snapstart-priming","rawQueryString":"",\
            "headers":{"accept":"application/json"},"requestContext":{"requestId":"snapstart-priming",\
            "http":{"method":"GET","path":"/snapstart-priming"}},"isBase64Encoded":false,"Records":[]}""";

    @Bean
    @Lazy(false)
    SnapStartPriming snapStartPriming(FunctionCatalog catalog,
            @Value("${spring.cloud.function.definition:}") String definition, ObjectProvider<PrimingRead> reads,
            ObjectProvider<PrimingEvent> events, ObjectProvider<InMemoryPrimingEvent> inMemoryEvents,
            ObjectProvider<PrimingSandbox> sandbox) {
        // Resolved when priming runs, not at start: a function that is never primed (sam local, the local cloud,
        // Lambda without SnapStart) never builds the events, and a broken one cannot stop it from starting.
        Supplier<String> event = () -> {
            try {
                return events.orderedStream().filter(e -> e.definition().equals(definition)).findFirst()
                        .map(PrimingEvent::json).orElse(DEFAULT_PRIMING_EVENT);
            } catch (RuntimeException unavailable) {
                LoggerFactory.getLogger(SnapStartPriming.class).warn("priming events unavailable, priming {} with "
                        + "the default event: {}", definition, unavailable.toString());
                return DEFAULT_PRIMING_EVENT;
            }
        };
        Supplier<Optional<String>> inMemoryEvent = () -> inMemoryEvents.orderedStream()
                .filter(e -> e.definition().equals(definition)).findFirst().map(InMemoryPrimingEvent::json);
        return new SnapStartPriming(catalog, definition, event, inMemoryEvent,
                () -> Optional.ofNullable(sandbox.getIfUnique()), () -> reads.orderedStream().toList());
    }
}
