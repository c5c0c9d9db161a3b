package io.eventsuite.domain.common;

/**
 * A request named an email address the caller has not proven to own (see {@link Caller#ownAddress}). The
 * message is safe to show the caller: it names neither the claimed nor the verified address.
 */
public final class UnverifiedEmail extends RuntimeException {

    public UnverifiedEmail(String message) {
        super(message, null, false, false);
    }
}
