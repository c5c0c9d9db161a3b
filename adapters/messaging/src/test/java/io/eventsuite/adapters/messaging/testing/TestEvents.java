package io.eventsuite.adapters.messaging.testing;

import io.eventsuite.domain.common.Email;
import io.eventsuite.domain.common.UserId;
import io.eventsuite.domain.event.EventEnvelope;
import io.eventsuite.domain.event.UserDeleted;
import io.eventsuite.domain.event.UserRegistered;
import io.eventsuite.domain.testing.Fixtures;
import io.eventsuite.domain.user.NotificationPreferences;
import io.eventsuite.platform.events.CloudEventCodec;
import io.eventsuite.platform.events.TransportContext;
import io.eventsuite.platform.json.StrictJson;
import io.eventsuite.platform.outbox.StoredEvent;
import tools.jackson.databind.json.JsonMapper;

/** Events as the services make them, and as the outbox stores them. */
public final class TestEvents {

    public static final JsonMapper JSON = StrictJson.create().mapper();
    public static final CloudEventCodec CODEC = new CloudEventCodec(JSON);

    private TestEvents() {
    }

    public static EventEnvelope orderPlaced(String eventId, String orderId) {
        return Fixtures.anEnvelope(eventId, Fixtures.anOrderPlacedFor(Fixtures.ALICE, orderId));
    }

    public static EventEnvelope userRegistered(String eventId, String userId) {
        return Fixtures.anEnvelope(eventId, new UserRegistered(new UserId(userId), "Alice",
                new Email("alice@example.com"), NotificationPreferences.DEFAULT));
    }

    public static EventEnvelope userDeleted(String eventId, String userId) {
        return Fixtures.anEnvelope(eventId, new UserDeleted(new UserId(userId), 2));
    }

    /** The event as the outbox stores it: encoded once, with the context of the request that caused it. */
    public static StoredEvent stored(EventEnvelope event, TransportContext context) {
        return new StoredEvent(event.id().value(), event.type(), CODEC.encode(event, context));
    }
}
