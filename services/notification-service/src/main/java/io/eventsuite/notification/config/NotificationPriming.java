package io.eventsuite.notification.config;

import io.eventsuite.domain.common.Email;
import io.eventsuite.domain.common.EventId;
import io.eventsuite.domain.common.UserId;
import io.eventsuite.domain.event.EventEnvelope;
import io.eventsuite.domain.event.EventSources;
import io.eventsuite.domain.event.UserUpdated;
import io.eventsuite.domain.user.NotificationPreferences;
import io.eventsuite.platform.events.CloudEventCodec;
import io.eventsuite.platform.events.TransportContext;
import io.eventsuite.platform.json.StrictJson;
import io.eventsuite.platform.snapstart.PrimingEvent;
import java.time.Instant;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.node.ObjectNode;

/**
 * Richer SnapStart priming for {@code sendNotifications} (see {@link PrimingEvent}): a batch of one record holding a
 * real CloudEvent, {@code user.updated.v1}, which this consumer decodes (the codec, the domain event's JSON binding,
 * the span and log context) and then rejects as not its type, before its idempotency claim: nothing is stored or
 * sent. (Only this consumer: {@code projectRecipients} would handle that event.) SnapStartPrimingTest holds it to that.
 */
@Configuration(proxyBeanMethods = false)
public class NotificationPriming {

    @Bean
    PrimingEvent sendNotificationsPriming(CloudEventCodec codec, StrictJson json) {
        UserId nobody = new UserId("snapstart-priming");
        EventEnvelope event = EventEnvelope.wrap(new EventId("snapstart-priming"), EventSources.USERS,
                Instant.parse("2026-01-01T00:00:00Z"), new UserUpdated(nobody, 2, "SnapStart priming",
                        new Email("snapstart-priming@example.invalid"), NotificationPreferences.DEFAULT));
        ObjectNode batch = json.mapper().createObjectNode();
        ObjectNode record = batch.putArray("Records").addObject();
        record.put("messageId", "snapstart-priming");
        record.put("receiptHandle", "snapstart-priming");
        record.put("body", codec.encode(event, TransportContext.NONE));
        record.putObject("attributes");
        record.putObject("messageAttributes").putObject("type").put("dataType", "String")
                .put("stringValue", event.type());
        record.put("eventSource", "aws:sqs");
        return new PrimingEvent("sendNotifications", json.mapper().writeValueAsString(batch));
    }
}
