package io.eventsuite.adapters.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventsuite.domain.common.InvalidInput;
import io.eventsuite.domain.common.PageRequest;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PageCursorsTest {

    private static final Map<String, String> KEY = Map.of("id", "o-1", "customerId", "alice-sub",
            "placedAt", "2025-06-01T09:00:00.000000000Z");
    private final PageCursors cursors = new PageCursors(LocalDynamo.randomKey());

    @Test
    void aCursorCarriesTheKeyBackToTheQueryItWasIssuedFor() {
        String cursor = cursors.encode("orders/by-customer/alice-sub", KEY);

        assertThat(cursors.decode("orders/by-customer/alice-sub", cursor)).isEqualTo(KEY);
        assertThat(cursor).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void aCursorOfTheLongestIdsStillFitsAPageRequest() {
        String longest = "x".repeat(128);
        String cursor = cursors.encode("q", Map.of("id", longest, "customerId", longest,
                "placedAt", "2025-06-01T09:00:00.000000000Z"));

        assertThat(cursor.length()).isLessThanOrEqualTo(PageRequest.MAX_CURSOR_LENGTH);
    }

    @Test
    void refusesEverythingElse() {
        String cursor = cursors.encode("orders/by-customer/alice-sub", KEY);
        byte[] raw = Base64.getUrlDecoder().decode(cursor);
        byte[] lastByteFlipped = raw.clone();
        lastByteFlipped[raw.length - 1] ^= 0x01;

        for (String bad : new String[] {
                cursors.encode("orders/by-customer/bob-sub", KEY),
                new PageCursors(LocalDynamo.randomKey()).encode("orders/by-customer/alice-sub", KEY),
                DynamoDbOrdersTest.edited(cursor),
                Base64.getUrlEncoder().withoutPadding().encodeToString(lastByteFlipped),
                cursor.substring(1),
                cursor + "A",
                "",
                "!!",
                Base64.getUrlEncoder().encodeToString(new byte[33])}) {
            assertThatThrownBy(() -> cursors.decode("orders/by-customer/alice-sub", bad))
                    .as(bad)
                    .isInstanceOf(InvalidInput.class)
                    .hasMessage("invalid input: cursor: is not a valid cursor");
        }
    }

    @Test
    void aShortKeyIsRefused() {
        assertThatThrownBy(() -> new PageCursors(new byte[16])).isInstanceOf(IllegalArgumentException.class);
    }
}
