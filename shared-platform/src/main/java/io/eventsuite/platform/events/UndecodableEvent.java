package io.eventsuite.platform.events;

/**
 * A message that is not a CloudEvent this suite can read. Its message says why in general terms and never
 * quotes the payload, which may hold personal data.
 */
public final class UndecodableEvent extends RuntimeException {

    public UndecodableEvent(String reason) {
        super(reason, null, false, false);
    }
}
