package io.eventsuite.domain.notification;

import io.eventsuite.domain.common.UserId;

import java.util.Objects;

/** What the {@link Recipients} projection holds for a user id. */
public sealed interface RecipientState {

    /** A live user, addressable as far as their preferences allow. */
    record Known(Recipient recipient) implements RecipientState {
        public Known {
            Objects.requireNonNull(recipient, "recipient");
        }
    }

    /**
     * The user was erased: only a tombstone with the erasure's version is left, nothing personal. Nothing is
     * sent to them, and no user event of the erased life (all older) can bring them back.
     */
    record Erased(UserId id, long version) implements RecipientState {
        public Erased {
            Objects.requireNonNull(id, "id");
        }
    }

    /** No user event has been projected yet (it may still be on its way). */
    record Unknown() implements RecipientState {
    }
}
