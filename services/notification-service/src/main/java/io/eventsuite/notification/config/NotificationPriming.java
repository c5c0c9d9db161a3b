package io.eventsuite.notification.config;

import io.eventsuite.domain.common.Email;
import io.eventsuite.domain.common.Money;
import io.eventsuite.domain.common.OrderId;
import io.eventsuite.domain.common.EventId;
import io.eventsuite.domain.common.UserId;
import io.eventsuite.domain.event.EventEnvelope;
import io.eventsuite.domain.event.EventSources;
import io.eventsuite.domain.event.OrderPlaced;
import io.eventsuite.domain.event.UserUpdated;
import io.eventsuite.domain.notification.Recipient;
import io.eventsuite.domain.order.OrderLine;
import io.eventsuite.domain.user.NotificationPreferences;
import io.eventsuite.platform.events.CloudEventCodec;
import io.eventsuite.platform.events.TransportContext;
import io.eventsuite.platform.json.StrictJson;
import io.eventsuite.platform.snapstart.InMemoryPrimingEvent;
import io.eventsuite.platform.snapstart.PrimingEvent;
import java.time.Instant;
import java.util.List;
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

    /** The recipient the in-memory priming notifies, found by a GetItem answered in memory; exists nowhere. */
    public static final Recipient SAMPLE_RECIPIENT = new Recipient(new UserId("snapstart-priming"), "SnapStart Priming",
            new Email("priming@example.invalid"), NotificationPreferences.DEFAULT, 1);

    @Bean
    PrimingEvent sendNotificationsPriming(CloudEventCodec codec, StrictJson json) {
        UserId nobody = new UserId("snapstart-priming");
        EventEnvelope event = EventEnvelope.wrap(new EventId("snapstart-priming"), EventSources.USERS,
                Instant.parse("2026-01-01T00:00:00Z"), new UserUpdated(nobody, 2, "SnapStart priming",
                        new Email("snapstart-priming@example.invalid"), NotificationPreferences.DEFAULT));
        return new PrimingEvent("sendNotifications", batchOfOne(event, codec, json));
    }

    /**
     * The consumer's success path, answered in memory (see {@link InMemoryPrimingEvent}): an order placed by the
     * sample recipient ({@code NotificationAdapters.sampleRecipientItem}), so its notification is claimed, stored, sent and marked sent,
     * every call answered in memory.
     */
    @Bean
    InMemoryPrimingEvent sendNotificationsInMemory(CloudEventCodec codec, StrictJson json) {
        EventEnvelope event = EventEnvelope.wrap(new EventId("snapstart-priming"), EventSources.ORDERS,
                Instant.parse("2026-01-01T00:00:00Z"), new OrderPlaced(new OrderId("snapstart-priming"),
                        SAMPLE_RECIPIENT.id(), List.of(new OrderLine("SNAPSTART-PRIMING", 1, new Money(1, "EUR"))),
                        new Money(1, "EUR")));
        return new InMemoryPrimingEvent("sendNotifications", batchOfOne(event, codec, json));
    }

    /** An SQS batch holding {@code event}, as the event source mapping hands it over. */
    private static String batchOfOne(EventEnvelope event, CloudEventCodec codec, StrictJson json) {
        ObjectNode batch = json.mapper().createObjectNode();
        ObjectNode record = batch.putArray("Records").addObject();
        record.put("messageId", "snapstart-priming");
        record.put("receiptHandle", "snapstart-priming");
        record.put("body", codec.encode(event, TransportContext.NONE));
        record.putObject("attributes");
        record.putObject("messageAttributes").putObject("type").put("dataType", "String")
                .put("stringValue", event.type());
        record.put("eventSource", "aws:sqs");
        return json.mapper().writeValueAsString(batch);
    }
}
