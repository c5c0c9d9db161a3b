package io.eventsuite.platform.testing;

import io.eventsuite.platform.snapstart.InMemoryPrimingEvent;
import io.eventsuite.platform.snapstart.PrimingSandbox;
import io.eventsuite.platform.snapstart.SnapStartConfiguration;
import io.eventsuite.platform.snapstart.SnapStartPriming;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.cloud.function.context.FunctionCatalog;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A function's in-memory SnapStart priming, run as in Lambda: the service's real application (its real adapters, SDK
 * clients and priming sandbox), every AWS endpoint a {@link CountingHttpServer}, and the function primed with its
 * {@link InMemoryPrimingEvent} alone (beside the default priming event, which needs no AWS call). What it answered, and
 * how many requests reached "AWS" (none, if the sandbox holds).
 *
 * @param answer   the function's answer to the in-memory event (a route's response event, a consumer's batch response)
 * @param requests the requests that reached the endpoints
 */
public record InMemoryPrimingRun(JsonNode answer, int requests) {

    /** Primes {@code definition} of {@code application}, with {@code environment} beside the endpoints. */
    public static InMemoryPrimingRun of(Class<?> application, String definition, Map<String, String> environment) {
        AtomicReference<InMemoryPrimingRun> run = new AtomicReference<>();
        try (CountingHttpServer aws = new CountingHttpServer()) {
            Map<String, Object> properties = new HashMap<>(aws.endpoints());
            properties.putAll(environment);
            properties.put("spring.cloud.function.definition", definition);
            SystemProperties.with(SystemProperties.STATIC_CREDENTIALS, () -> {
                try (var context = new SpringApplicationBuilder(application).properties(properties).run()) {
                    String event = context.getBeanProvider(InMemoryPrimingEvent.class).orderedStream()
                            .filter(e -> e.definition().equals(definition)).findFirst().orElseThrow().json();
                    SnapStartPriming priming = new SnapStartPriming(context.getBean(FunctionCatalog.class), definition,
                            SnapStartConfiguration.DEFAULT_PRIMING_EVENT, event,
                            () -> Optional.of(context.getBean(PrimingSandbox.class)), List::of);
                    priming.prime();
                    Object answer = priming.primedInMemoryAnswer();
                    run.set(new InMemoryPrimingRun(answer instanceof byte[] bytes
                            ? JsonMapper.builder().build().readTree(bytes) : null, aws.requests()));
                }
            });
        }
        return run.get();
    }

    /** A route's status code. */
    public int status() {
        return answer.path("statusCode").asInt();
    }
}
