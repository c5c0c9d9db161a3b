package io.eventsuite.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsuite.domain.notification.NotificationStatus;
import io.eventsuite.platform.snapstart.SnapStartPriming;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a SnapStart snapshot of {@code sendNotifications} would hold: its priming event (NotificationPriming) is a real
 * CloudEvent the consumer decodes and then refuses as not its type, so the decoding path is warm, and nothing is
 * stored, claimed or sent.
 */
class SnapStartPrimingTest {

    @Test
    void the_consumer_decodes_its_priming_record_and_refuses_it_without_side_effects() {
        NotificationServiceWithFakes.Fakes fakes = NotificationServiceWithFakes.freshFakes();
        SnapStartPriming priming = primedInItsOwnContext();

        assertThat(priming.primedAnswer()).isInstanceOf(byte[].class);
        JsonNode answer = JsonMapper.builder().build().readTree((byte[]) priming.primedAnswer());
        assertThat(answer.path("batchItemFailures").findValuesAsString("itemIdentifier"))
                .containsExactly("snapstart-priming");
        assertThat(fakes.notifications().all()).isEmpty();
        assertThat(fakes.channel().attempts()).isZero();
        assertThat(fakes.processed().everythingStored()).isEmpty();
    }

    /**
     * Its in-memory priming event, an order placed by the sample recipient, walks the whole success path (claimed,
     * stored, sent, marked sent) inside the sandbox only: the sandbox's own fakes hold all of it, the test's nothing.
     */
    @Test
    void the_consumer_is_primed_in_memory_with_a_notification_it_sends() {
        NotificationServiceWithFakes.Fakes fakes = NotificationServiceWithFakes.freshFakes();
        SnapStartPriming priming = primedInItsOwnContext();

        JsonNode answer = JsonMapper.builder().build().readTree((byte[]) priming.primedInMemoryAnswer());
        assertThat(answer.path("batchItemFailures").isEmpty()).as(answer.toString()).isTrue();
        NotificationServiceWithFakes.Fakes primings = NotificationServiceWithFakes.lastPriming();
        assertThat(primings.channel().sent()).extracting(message -> message.to().value())
                .containsExactly("priming@example.invalid");
        assertThat(primings.notifications().all()).singleElement()
                .satisfies(n -> assertThat(n.status()).isEqualTo(NotificationStatus.SENT));
        assertThat(fakes.notifications().all()).isEmpty();
        assertThat(fakes.channel().attempts()).isZero();
        assertThat(fakes.processed().everythingStored()).isEmpty();
    }

    /** The priming of {@code sendNotifications}' own context, as before a snapshot; what it did stays readable after. */
    private static SnapStartPriming primedInItsOwnContext() {
        try (var context = new SpringApplicationBuilder(NotificationServiceWithFakes.class)
                .properties("spring.cloud.function.definition=sendNotifications").run()) {
            SnapStartPriming priming = context.getBean(SnapStartPriming.class);
            priming.prime();
            return priming;
        }
    }
}
