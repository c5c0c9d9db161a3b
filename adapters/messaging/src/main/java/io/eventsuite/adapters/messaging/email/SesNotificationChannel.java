package io.eventsuite.adapters.messaging.email;

import io.eventsuite.adapters.messaging.resilience.DeadlineReached;
import io.eventsuite.adapters.messaging.resilience.PublishingResilience;
import io.eventsuite.adapters.messaging.resilience.TransientFailures;
import io.eventsuite.domain.notification.NotificationChannel;
import io.eventsuite.domain.notification.OutgoingMessage;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.Content;
import software.amazon.awssdk.services.sesv2.model.MessageTag;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;

/**
 * The notification channel <strong>in AWS</strong>: sends each message as a plain-text email through Amazon SES v2
 * ({@code SendEmail}, simple content, UTF-8) from a fixed, verified sender address.
 *
 * <p>Same resilience as publishing events: SDK retries off, a Resilience4j retry (throttling, 5xx, I/O only) and a
 * circuit breaker, the call's timeout cut to the invocation's remaining time. When the email could not be handed to
 * SES it throws {@link NotificationNotSent}, so the event is redelivered and the still-pending notification is sent
 * on that retry. SES cannot deduplicate; the message carries the notification id as the {@value #NOTIFICATION_ID_TAG}
 * email tag, so a rare duplicate can at least be traced.
 *
 * <p>Locally there is no SES: the local cloud uses {@link SqsCapturingNotificationChannel} instead.
 */
public final class SesNotificationChannel implements NotificationChannel {

    public static final String NOTIFICATION_ID_TAG = "notificationId";

    private final SesV2Client ses;
    private final String fromAddress;
    private final PublishingResilience resilience;

    /**
     * @param ses         a client from {@code LambdaSdkClients} (SDK retries off)
     * @param fromAddress the verified sender, such as {@code no-reply@example.com} or {@code Eventsuite <no-reply@example.com>}
     */
    public SesNotificationChannel(SesV2Client ses, String fromAddress, PublishingResilience resilience) {
        this.ses = Objects.requireNonNull(ses, "ses");
        this.fromAddress = Objects.requireNonNull(fromAddress, "fromAddress").strip();
        if (this.fromAddress.isEmpty() || !this.fromAddress.contains("@")) {
            throw new IllegalArgumentException("fromAddress must be an email address");
        }
        this.resilience = Objects.requireNonNull(resilience, "resilience");
    }

    @Override
    public void send(OutgoingMessage message) {
        Objects.requireNonNull(message, "message");
        try {
            resilience.call(budget -> ses.sendEmail(request(message, budget)));
        } catch (SdkException | CallNotPermittedException | DeadlineReached failure) {
            throw new NotificationNotSent(message.id(), "SES", reason(failure));
        }
    }

    /** The request for one message, with {@code apiCallTimeout} set to the time budget. */
    SendEmailRequest request(OutgoingMessage message, Duration budget) {
        return SendEmailRequest.builder()
                .fromEmailAddress(fromAddress)
                .destination(d -> d.toAddresses(message.to().value()))
                .content(c -> c.simple(s -> s
                        .subject(utf8(message.subject()))
                        .body(b -> b.text(utf8(message.body())))))
                .emailTags(MessageTag.builder().name(NOTIFICATION_ID_TAG).value(message.id().value()).build())
                .overrideConfiguration(o -> o.apiCallTimeout(budget))
                .build();
    }

    private static Content utf8(String text) {
        return Content.builder().data(text).charset(StandardCharsets.UTF_8.name()).build();
    }

    static String reason(RuntimeException failure) {
        if (failure instanceof CallNotPermittedException) {
            return "circuit breaker open";
        }
        if (failure instanceof DeadlineReached) {
            return "invocation deadline near";
        }
        return TransientFailures.describe(failure);
    }
}
