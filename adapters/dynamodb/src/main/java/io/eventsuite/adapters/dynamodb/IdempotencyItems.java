package io.eventsuite.adapters.dynamodb;

import java.math.BigInteger;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An idempotency key as an item. Deadlines are kept to the nanosecond ({@code lockedUntil}, {@code keepUntil}, in
 * epoch nanoseconds) because conditions decide with them; {@code expiresAt} is the later deadline rounded up to
 * whole epoch seconds, for AWS TTL only, so TTL never removes an entry before a condition would give it up.
 */
final class IdempotencyItems {

    static final String KEY = "key";
    static final String FINGERPRINT = "fingerprint";
    static final String CLAIM = "claim";
    static final String LOCKED_UNTIL = "lockedUntil";
    static final String RESULT = "result";
    static final String KEEP_UNTIL = "keepUntil";
    static final String EXPIRES_AT = TableDefinitions.TTL_ATTRIBUTE;

    private static final BigInteger NANOS_PER_SECOND = BigInteger.valueOf(1_000_000_000L);

    /** What a failed claim found. */
    record Entry(String fingerprint, Optional<String> claim, Optional<String> result, BigInteger lockedUntil,
                 Optional<BigInteger> keepUntil) {

        boolean isLiveAt(Instant now) {
            BigInteger deadline = result.isPresent() ? keepUntil.orElse(BigInteger.ZERO) : lockedUntil;
            return nanos(now).compareTo(deadline) < 0;
        }
    }

    private IdempotencyItems() {
    }

    static Map<String, AttributeValue> key(String key) {
        return Items.key(KEY, key);
    }

    static Map<String, AttributeValue> claim(String key, String fingerprint, String claim, Instant lockedUntil) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put(KEY, Attributes.s(key));
        item.put(FINGERPRINT, Attributes.s(fingerprint));
        item.put(CLAIM, Attributes.s(claim));
        item.put(LOCKED_UNTIL, epochNanos(lockedUntil));
        item.put(EXPIRES_AT, ttl(lockedUntil));
        return item;
    }

    static Entry read(String table, Map<String, AttributeValue> item) {
        return CorruptItem.guard(table, () -> new Entry(
                Attributes.string(item, FINGERPRINT),
                Attributes.optionalString(item, CLAIM),
                Attributes.optionalString(item, RESULT),
                bigNumber(item, LOCKED_UNTIL),
                item.containsKey(KEEP_UNTIL) ? Optional.of(bigNumber(item, KEEP_UNTIL)) : Optional.empty()));
    }

    static AttributeValue epochNanos(Instant instant) {
        return AttributeValue.fromN(nanos(instant).toString());
    }

    /** Whole epoch seconds, rounded up. */
    static AttributeValue ttl(Instant instant) {
        long seconds = instant.getEpochSecond() + (instant.getNano() > 0 ? 1 : 0);
        return Attributes.n(seconds);
    }

    private static BigInteger nanos(Instant instant) {
        return BigInteger.valueOf(instant.getEpochSecond()).multiply(NANOS_PER_SECOND)
                .add(BigInteger.valueOf(instant.getNano()));
    }

    private static BigInteger bigNumber(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        if (value == null || value.n() == null) {
            throw new CorruptItem("attribute '" + name + "' is not a number");
        }
        return new BigInteger(value.n());
    }
}
