package io.eventsuite.adapters.messaging.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventsuite.adapters.messaging.resilience.LambdaSdkClients;
import io.eventsuite.adapters.messaging.resilience.PublishingResilience;
import io.eventsuite.adapters.messaging.resilience.PublishingResilienceConfig;
import io.eventsuite.adapters.messaging.testing.Meters;
import io.eventsuite.adapters.messaging.testing.RecordingInterceptor;
import io.eventsuite.domain.common.Email;
import io.eventsuite.domain.common.NotificationId;
import io.eventsuite.domain.notification.OutgoingMessage;
import io.eventsuite.localcloud.LocalEmulators;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;

/**
 * There is no SES emulator here: the request the channel builds is checked, and failure handling is seen against an
 * endpoint where nothing listens. SES itself is not exercised over the wire.
 */
@DisplayName("SES email channel (no SES over the wire)")
class SesNotificationChannelTest {

    private static final OutgoingMessage ORDER_PLACED = new OutgoingMessage(new Email("Bob.Smith@Example.COM"),
            "Your order o-42 is placed", "Total: EUR 26.99\nThank you — Eventsuite", new NotificationId("ntf-e-42"));

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final RecordingInterceptor recorder = new RecordingInterceptor();
    private final PublishingResilience resilience = PublishingResilience.create("ses",
            PublishingResilienceConfig.DEFAULTS, meters, Clock.systemUTC());
    private SesV2Client ses;

    @AfterEach
    void tearDown() {
        if (ses != null) {
            ses.close();
        }
    }

    @Test
    void the_request_is_a_simple_utf8_email_from_the_configured_sender_tagged_with_the_notification_id() {
        ses = sesAt(URI.create("http://127.0.0.1:1"));
        SesNotificationChannel channel = new SesNotificationChannel(ses, "Eventsuite <no-reply@eventsuite.example>",
                resilience);

        SendEmailRequest request = channel.request(ORDER_PLACED, Duration.ofMillis(1234));

        assertThat(request.fromEmailAddress()).isEqualTo("Eventsuite <no-reply@eventsuite.example>");
        assertThat(request.destination().toAddresses()).containsExactly("Bob.Smith@example.com");
        assertThat(request.destination().ccAddresses()).isEmpty();
        assertThat(request.destination().bccAddresses()).isEmpty();
        assertThat(request.content().simple().subject().data()).isEqualTo("Your order o-42 is placed");
        assertThat(request.content().simple().subject().charset()).isEqualTo("UTF-8");
        assertThat(request.content().simple().body().text().data()).isEqualTo("Total: EUR 26.99\nThank you — Eventsuite");
        assertThat(request.content().simple().body().text().charset()).isEqualTo("UTF-8");
        assertThat(request.content().simple().body().html()).isNull();
        assertThat(request.emailTags()).singleElement().satisfies(tag -> {
            assertThat(tag.name()).isEqualTo("notificationId");
            assertThat(tag.value()).isEqualTo("ntf-e-42");
        });
        assertThat(RecordingInterceptor.apiCallTimeout(request)).contains(Duration.ofMillis(1234));
    }

    @Test
    void when_ses_cannot_be_reached_it_retries_then_throws_without_the_address() throws IOException {
        ses = sesAt(URI.create("http://127.0.0.1:" + closedPort()));
        SesNotificationChannel channel = new SesNotificationChannel(ses, "no-reply@eventsuite.example", resilience);

        assertThatThrownBy(() -> channel.send(ORDER_PLACED))
                .isInstanceOf(NotificationNotSent.class)
                .hasMessageContaining("ntf-e-42")
                .hasMessageNotContaining("Bob.Smith")
                .hasNoCause();
        assertThat(recorder.attempts()).isEqualTo(3);
        assertThat(Meters.value(meters, "resilience4j.retry.calls", "name", "ses", "kind", "failed_with_retry"))
                .isEqualTo(1);
    }

    private SesV2Client sesAt(URI endpoint) {
        return LambdaSdkClients.configure(SesV2Client.builder(), PublishingResilienceConfig.DEFAULTS,
                        o -> o.addExecutionInterceptor(recorder))
                .endpointOverride(endpoint)
                .region(Region.of("eu-west-1"))
                .credentialsProvider(LocalEmulators.CREDENTIALS)
                .build();
    }

    /** A port on 127.0.0.1 where nothing listens any more: connecting is refused at once. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
