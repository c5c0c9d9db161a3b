package io.eventsuite.domain.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Names one client request that may arrive more than once: derived from its caller-scoped idempotency key and its
 * fingerprint, so every retry of the request has the same one and no other request has it.
 *
 * <p>Use cases make their writes idempotent with it: an order placed under a request key gets an id derived from
 * it, a cancellation remembers the key that made it. A retry that runs again (because the stored response was
 * lost) then finds its own earlier write and answers as the first run did, instead of doing it twice or meeting
 * it as a conflict.
 *
 * @param value 64 lower-case hex digits (SHA-256)
 */
public record RequestKey(String value) {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    public RequestKey {
        Objects.requireNonNull(value, "value");
        if (!SHA256_HEX.matcher(value).matches()) {
            throw new IllegalArgumentException("a request key is 64 lower-case hex digits");
        }
    }

    /**
     * @param scopedKey   the idempotency key, already scoped to its caller and route
     * @param fingerprint what identifies the request's content (route, path, body)
     */
    public static RequestKey of(String scopedKey, String fingerprint) {
        Objects.requireNonNull(scopedKey, "scopedKey");
        Objects.requireNonNull(fingerprint, "fingerprint");
        return new RequestKey(sha256(scopedKey.length() + ":" + scopedKey + "\n" + fingerprint));
    }

    /** A name-based UUID (RFC 9562 version 3) for what {@code purpose} creates under this request. */
    public String derivedId(String purpose) {
        return UUID.nameUUIDFromBytes((purpose + "|" + value).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JVM has SHA-256", impossible);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
