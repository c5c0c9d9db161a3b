package io.eventsuite.adapters.wiring;

import java.util.Base64;

/**
 * The key that signs pagination cursors (HMAC), from {@code CURSOR_SIGNING_KEY} (base64, at least 32 bytes),
 * which the template fills from a generated Secrets Manager secret. A forged or edited cursor is refused.
 */
public record PageCursorKey(byte[] bytes) {

    public static PageCursorKey fromBase64(String encoded) {
        if (encoded == null || encoded.isBlank()) {
            throw new IllegalStateException("CURSOR_SIGNING_KEY is not set");
        }
        byte[] key = Base64.getDecoder().decode(encoded.strip());
        if (key.length < 32) {
            throw new IllegalStateException("CURSOR_SIGNING_KEY must hold at least 32 bytes");
        }
        return new PageCursorKey(key);
    }
}
