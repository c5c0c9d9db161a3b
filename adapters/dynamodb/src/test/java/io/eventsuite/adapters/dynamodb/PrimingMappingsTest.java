package io.eventsuite.adapters.dynamodb;

import static io.eventsuite.domain.testing.Fixtures.ALICE;
import static io.eventsuite.domain.testing.Fixtures.aPlacedOrder;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventsuite.domain.order.Order;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Priming maps through the real item mapping, both ways: what it reads back is the order it wrote out. */
class PrimingMappingsTest {

    @Test
    void anOrderMappedToItsItemAndBackIsTheSameOrder() {
        Order sample = aPlacedOrder("snapstart-priming", ALICE, Instant.parse("2026-12-01T10:00:00Z"));

        assertThat(PrimingMappings.order(sample)).isEqualTo(sample);
    }
}
