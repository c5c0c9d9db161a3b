package io.eventsuite.domain.common;

import io.eventsuite.domain.idempotency.NothingWritten;

/**
 * A request named an email address the caller has not proven to own (see {@link Caller#ownAddress}). The
 * message is safe to show the caller: it names neither the claimed nor the verified address. It is thrown before
 * anything is written, so it releases an idempotency key ({@link NothingWritten}).
 */
public final class UnverifiedEmail extends RuntimeException implements NothingWritten {

    public UnverifiedEmail(String message) {
        super(message, null, false, false);
    }
}
