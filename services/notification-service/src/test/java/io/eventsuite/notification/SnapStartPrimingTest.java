package io.eventsuite.notification;

import static org.assertj.core.api.Assertions.assertThat;

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
        try (var context = new SpringApplicationBuilder(NotificationServiceWithFakes.class)
                .properties("spring.cloud.function.definition=sendNotifications").run()) {

            SnapStartPriming priming = context.getBean(SnapStartPriming.class);
            priming.prime();

            assertThat(priming.primedAnswer()).isInstanceOf(byte[].class);
            JsonNode answer = JsonMapper.builder().build().readTree((byte[]) priming.primedAnswer());
            assertThat(answer.path("batchItemFailures").findValuesAsString("itemIdentifier"))
                    .containsExactly("snapstart-priming");
        }
        assertThat(fakes.notifications().all()).isEmpty();
        assertThat(fakes.channel().attempts()).isZero();
        assertThat(fakes.processed().everythingStored()).isEmpty();
    }
}
