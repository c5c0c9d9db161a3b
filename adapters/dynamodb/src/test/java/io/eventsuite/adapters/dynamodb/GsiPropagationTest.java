package io.eventsuite.adapters.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class GsiPropagationTest {

    @Test
    void waitsOutItsPauseBeforeTheSecondPass() {
        GsiPropagation lag = new GsiPropagation(Duration.ofMillis(60));

        long start = System.nanoTime();
        lag.waitOut();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(60));
    }

    @Test
    void theDefaultIsASecondAndANegativePauseIsRefused() {
        assertThat(GsiPropagation.DEFAULT).isEqualTo(Duration.ofSeconds(1));
        assertThatThrownBy(() -> new GsiPropagation(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
