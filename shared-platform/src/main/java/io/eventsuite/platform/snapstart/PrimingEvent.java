package io.eventsuite.platform.snapstart;

import java.util.Objects;

/**
 * The event one function is primed with before the SnapStart snapshot, instead of the default one (no identity, no
 * records, which every route refuses with 401 and every consumer handles as an empty batch). A service declares one
 * when a richer event walks more of the real path and still has no side effect, for example a request with an
 * identity whose body the use case refuses (422) before it writes, or a record of an event type the consumer rejects
 * after decoding it. The function's own tests prove the "no side effect" (see each service's SnapStartPrimingTest).
 *
 * @param definition the function it primes ({@code spring.cloud.function.definition})
 * @param json       the Lambda event, as the adapter receives it
 */
public record PrimingEvent(String definition, String json) {

    public PrimingEvent {
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(json, "json");
    }
}
