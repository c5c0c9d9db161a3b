package io.eventsuite.domain.testing;

import io.eventsuite.domain.common.InvalidInput;
import io.eventsuite.domain.common.Page;
import io.eventsuite.domain.common.PageRequest;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Newest-first keyset pagination for the in-memory repositories, the way a DynamoDB adapter pages with
 * {@code LastEvaluatedKey}: the cursor encodes the sort key of the last item returned (base64, opaque to
 * clients), so the next page starts right after it even when items changed or disappeared in between.
 */
public final class KeysetPages {

    private KeysetPages() {
    }

    /** A sort key that orders by time, then id; fixed width so strings compare like the values. */
    public static String sortKey(Instant time, String id) {
        return "%020d.%09d|%s".formatted(time.getEpochSecond(), time.getNano(), id);
    }

    public static <T> Page<T> newestFirst(List<T> items, Function<T, String> sortKey, PageRequest request) {
        Optional<String> after = request.cursor().map(KeysetPages::decode);
        List<T> candidates = items.stream()
                .sorted(Comparator.comparing(sortKey).reversed())
                .filter(item -> after.map(key -> sortKey.apply(item).compareTo(key) < 0).orElse(true))
                .toList();
        if (candidates.size() <= request.limit()) {
            return Page.last(candidates);
        }
        List<T> page = candidates.subList(0, request.limit());
        return new Page<>(page, Optional.of(encode(sortKey.apply(page.getLast()))));
    }

    private static String encode(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String cursor) {
        try {
            String key = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!key.matches("\\d{20}\\.\\d{9}\\|.+")) {
                throw new IllegalArgumentException("not a key");
            }
            return key;
        } catch (IllegalArgumentException notOurs) {
            throw new InvalidInput("cursor", "is not a valid cursor");
        }
    }
}
