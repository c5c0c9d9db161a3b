package io.eventsuite.platform.snapstart;

import java.util.Objects;

/**
 * A request the function would carry out, a success (an order placed, an order found, a notification sent), with which
 * it is primed before the SnapStart snapshot inside a {@link PrimingSandbox}: every AWS call it makes is answered in
 * memory, so the whole success path runs (the use case, the SDK's marshalling, signing and response unmarshalling, the
 * mapping, the rendering) and nothing is read from, written to or sent to AWS. A {@link PrimingEvent} cannot reach that
 * path: without a write there is no success. Without a sandbox bean the event is never run.
 *
 * @param definition the function it primes ({@code spring.cloud.function.definition})
 * @param json       the Lambda event, as the adapter receives it
 */
public record InMemoryPrimingEvent(String definition, String json) {

    public InMemoryPrimingEvent {
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(json, "json");
    }
}
