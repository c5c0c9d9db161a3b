package io.eventsuite.user.config;

import static org.assertj.core.api.Assertions.assertThatCode;

import io.eventsuite.platform.events.CloudEventCodec;
import io.eventsuite.platform.json.StrictJson;
import org.junit.jupiter.api.Test;

/**
 * The user service's in-memory priming runs to its end: SnapStartPriming only logs a failing read, so a sample the
 * domain or the codec refuses would leave that path cold without anyone seeing it.
 */
class UserPrimingReadsTest {

    private final UserAdapters adapters = new UserAdapters();

    @Test
    void theUserEventsAreEncodedWithoutFailing() {
        CloudEventCodec codec = new CloudEventCodec(StrictJson.create().mapper());

        assertThatCode(() -> adapters.primeEventEncoding(codec).run()).doesNotThrowAnyException();
    }

    @Test
    void aUserIsMappedToItsItemAndBackWithoutFailing() {
        assertThatCode(() -> adapters.primeUserMapping().run()).doesNotThrowAnyException();
    }
}
