package io.eventsuite.domain.common;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Identifies a notification. It is derived from the id of the event that caused it
 * ({@link #of(EventId)}), so that however often an event is delivered it maps to the same notification:
 * that is what makes "exactly one notification per event" a conditional write rather than a search.
 */
public record NotificationId(String value) {

    static final String PREFIX = "ntf-";

    public NotificationId {
        Identifiers.validate(value, "notificationId");
    }

    /**
     * The notification id for an event: {@code "ntf-" + eventId}. An event id too long to carry the prefix
     * is replaced by its SHA-256 in hex, which is just as deterministic and keeps the id within 128 characters.
     */
    public static NotificationId of(EventId eventId) {
        String candidate = PREFIX + eventId.value();
        if (candidate.length() <= Identifiers.MAX_LENGTH) {
            return new NotificationId(candidate);
        }
        return new NotificationId(PREFIX + sha256Hex(eventId.value()));
    }

    private static String sha256Hex(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform ships SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
