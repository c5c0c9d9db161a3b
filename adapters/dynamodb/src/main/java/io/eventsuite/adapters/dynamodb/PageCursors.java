package io.eventsuite.adapters.dynamodb;

import io.eventsuite.domain.common.InvalidInput;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Opaque page cursors: a query's last evaluated key (string attributes only), serialized, followed by an
 * HMAC-SHA256 over it and the query it belongs to, then base64url. A client can neither forge a cursor nor edit
 * one, nor use one issued for another customer's or another table's list. Anything else is refused as
 * {@link InvalidInput} on {@code cursor}, with one message whatever was wrong.
 */
final class PageCursors {

    static final int MIN_KEY_BYTES = 32;
    private static final String ALGORITHM = "HmacSHA256";
    private static final int MAC_BYTES = 32;
    private static final int FORMAT = 1;
    private static final int MAX_ATTRIBUTES = 8;

    private final SecretKeySpec key;

    PageCursors(byte[] key) {
        if (key == null || key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("the cursor key needs at least " + MIN_KEY_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(key.clone(), ALGORITHM);
    }

    /** A key given up front, checked at once (as a constructor with a key always did). */
    static Supplier<byte[]> checkedNow(byte[] key) {
        byte[] copy = new PageCursors(key).key.getEncoded();
        return () -> copy.clone();
    }

    /**
     * Cursors signed with the key {@code key} supplies, read (and checked) on first use and then kept: functions
     * that never page are not given the key at all.
     */
    static Supplier<PageCursors> signedWith(Supplier<byte[]> key) {
        Objects.requireNonNull(key, "key");
        return new Supplier<>() {
            private volatile PageCursors cursors;

            @Override
            public PageCursors get() {
                PageCursors built = cursors;
                if (built == null) {
                    built = new PageCursors(key.get());
                    cursors = built;
                }
                return built;
            }
        };
    }

    /** The cursor for continuing {@code query} after {@code lastKey}. */
    String encode(String query, Map<String, String> lastKey) {
        if (lastKey.isEmpty() || lastKey.size() > MAX_ATTRIBUTES) {
            throw new IllegalArgumentException("a key has 1 to " + MAX_ATTRIBUTES + " attributes");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.writeByte(lastKey.size());
            for (Map.Entry<String, String> attribute : new TreeMap<>(lastKey).entrySet()) {
                out.writeUTF(attribute.getKey());
                out.writeUTF(attribute.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] payload = bytes.toByteArray();
        byte[] cursor = Arrays.copyOf(payload, payload.length + MAC_BYTES);
        System.arraycopy(mac(query, payload), 0, cursor, payload.length, MAC_BYTES);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(cursor);
    }

    /** The last key a cursor of {@code query} carries; {@link InvalidInput} for anything not issued for it. */
    Map<String, String> decode(String query, String cursor) {
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(cursor);
        } catch (IllegalArgumentException notBase64) {
            throw invalid();
        }
        if (raw.length <= MAC_BYTES) {
            throw invalid();
        }
        byte[] payload = Arrays.copyOf(raw, raw.length - MAC_BYTES);
        byte[] mac = Arrays.copyOfRange(raw, raw.length - MAC_BYTES, raw.length);
        if (!MessageDigest.isEqual(mac, mac(query, payload))) {
            throw invalid();
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
            if (in.readUnsignedByte() != FORMAT) {
                throw invalid();
            }
            int count = in.readUnsignedByte();
            Map<String, String> lastKey = new TreeMap<>();
            for (int i = 0; i < count; i++) {
                lastKey.put(in.readUTF(), in.readUTF());
            }
            if (in.available() != 0 || lastKey.size() != count || count == 0) {
                throw invalid();
            }
            return lastKey;
        } catch (IOException truncated) {
            throw invalid();
        }
    }

    private byte[] mac(String query, byte[] payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            ByteArrayOutputStream scope = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(scope)) {
                out.writeUTF(query);
            }
            mac.update(scope.toByteArray());
            return mac.doFinal(payload);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java platform", e);
        }
    }

    static InvalidInput invalid() {
        return new InvalidInput("cursor", "is not a valid cursor");
    }
}
