package io.eventsuite.user.config;

import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;

/**
 * The user service's in-memory priming runs to its end: SnapStartPriming only logs a failing read, so a sample the
 * domain refuses would leave that path cold without anyone seeing it.
 */
class UserPrimingReadsTest {

    @Test
    void aUserIsMappedToItsItemAndBackWithoutFailing() {
        assertThatCode(() -> new UserAdapters().primeUserMapping().run()).doesNotThrowAnyException();
    }
}
