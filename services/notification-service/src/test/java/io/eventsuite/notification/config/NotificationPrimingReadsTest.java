package io.eventsuite.notification.config;

import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;

/**
 * The in-memory priming of a notification's success path runs to its end: SnapStartPriming only logs a failing read,
 * so a sample the domain refuses would leave that path cold without anyone seeing it.
 */
class NotificationPrimingReadsTest {

    @Test
    void theNotificationsSuccessPathIsPrimedWithoutFailing() {
        assertThatCode(() -> new NotificationAdapters().primeNotificationMappings().run()).doesNotThrowAnyException();
    }
}
