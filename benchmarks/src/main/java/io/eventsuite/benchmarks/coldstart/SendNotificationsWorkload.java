package io.eventsuite.benchmarks.coldstart;

import io.eventsuite.adapters.dynamodb.DynamoDbRecipients;
import io.eventsuite.benchmarks.coldstart.plain.PlainSendNotificationsHandler;
import io.eventsuite.domain.common.Email;
import io.eventsuite.domain.common.EventId;
import io.eventsuite.domain.common.Money;
import io.eventsuite.domain.common.OrderId;
import io.eventsuite.domain.common.UserId;
import io.eventsuite.domain.event.EventEnvelope;
import io.eventsuite.domain.event.EventSources;
import io.eventsuite.domain.event.OrderPlaced;
import io.eventsuite.domain.notification.Recipient;
import io.eventsuite.domain.order.OrderLine;
import io.eventsuite.domain.user.NotificationPreferences;
import io.eventsuite.localcloud.provision.ProvisionedStack;
import io.eventsuite.localcloud.provision.Provisioner;
import io.eventsuite.platform.events.CloudEventCodec;
import io.eventsuite.platform.events.TransportContext;
import io.eventsuite.platform.json.StrictJson;
import io.eventsuite.platform.testing.SqsEvents;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The SQS consumer {@code sendNotifications}: a batch of one {@code order.placed.v1} CloudEvent for a recipient
 * projected beforehand (by notification-service's own repository). Per record, eight round trips: the idempotency
 * claim, the look for an earlier notification, the recipient read, the notification written, the recipient read again
 * (erased meanwhile?), the email channel called (in the local cloud: the captured-email queue), the notification
 * marked sent, the idempotency result. Every invocation carries a new event (a redelivery
 * would be a replay); the answer must list no batch item failure.
 */
final class SendNotificationsWorkload implements Workload {

    @Override
    public String id() {
        return "send-notifications";
    }

    @Override
    public String function() {
        return "SendNotificationsFunction";
    }

    @Override
    public Class<?> plainHandler() {
        return PlainSendNotificationsHandler.class;
    }

    @Override
    public Set<String> sdkServices() {
        return Set.of("dynamodb", "sqs");
    }

    @Override
    public Prepared prepare(Provisioner provisioner, ProvisionedStack stack) {
        UserId user = new UserId("bench-" + UUID.randomUUID().toString().substring(0, 8));
        new DynamoDbRecipients(provisioner.dynamo(), stack.tableNames().get("RecipientsTable"), Clock.systemUTC())
                .upsertIfNewer(
                new Recipient(user, "Bench Mark", new Email(user.value() + "@example.com"),
                        NotificationPreferences.DEFAULT, 1));
        CloudEventCodec codec = new CloudEventCodec(StrictJson.create().mapper());
        return new Prepared() {
            @Override
            public byte[] nextEvent() {
                EventEnvelope envelope = EventEnvelope.wrap(new EventId(UUID.randomUUID().toString()),
                        EventSources.ORDERS, Instant.now(), new OrderPlaced(new OrderId(UUID.randomUUID().toString()),
                                user, List.of(new OrderLine("BOOK-1", 2, new Money(1250, "EUR"))),
                                new Money(2500, "EUR")));
                SqsEvents batch = SqsEvents.batchFrom("NotificationsQueue");
                batch.add(codec.encode(envelope, TransportContext.NONE), Map.of("type", envelope.type()));
                return batch.toJson().getBytes(StandardCharsets.UTF_8);
            }

            @Override
            public String check(String variant, String answer) {
                WorkloadAnswers.noBatchItemFailures(variant, answer);
                return "no batch item failure";
            }
        };
    }
}
