package io.eventsuite.platform.events;

import io.eventsuite.domain.common.EventId;
import io.eventsuite.domain.common.InvalidInput;
import io.eventsuite.domain.event.DomainEvent;
import io.eventsuite.domain.event.EventEnvelope;
import io.eventsuite.domain.event.EventTypes;
import io.eventsuite.platform.observability.CorrelationIds;
import io.eventsuite.platform.observability.TraceParent;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes and reads events as CloudEvents 1.0 in JSON structured mode: the form they are stored in as
 * pending, published to SNS and received from SQS.
 *
 * <p>Reading is strict about what a consumer needs and tolerant of what it does not know: an unknown type, a
 * missing or mistyped required attribute or data field, or data that breaks the domain's rules makes the event
 * undecodable (the consumer then reports it as failed, and it ends in the queue's DLQ); an extension attribute or a
 * data field it does not know is ignored. A producer may then add an optional field or extension (a
 * backward-compatible change) without sending every event to the DLQ of consumers not yet redeployed. (HTTP bodies
 * stay strict: there an unknown field is a client's mistake.)
 */
public final class CloudEventCodec {

    public static final String TRACEPARENT = "traceparent";

    private final JsonMapper json;
    private final ObjectReader tolerantData;

    /** @param json the strict mapper; data is read with the same rules except that unknown fields are ignored */
    public CloudEventCodec(JsonMapper json) {
        this.json = json;
        this.tolerantData = json.reader().without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    public String encode(EventEnvelope event, TransportContext context) {
        ObjectNode node = json.createObjectNode();
        node.put("specversion", event.specversion());
        node.put("id", event.id().value());
        node.put("source", event.source());
        node.put("type", event.type());
        node.put("subject", event.subject());
        node.put("time", event.time().toString());
        node.put("datacontenttype", event.datacontenttype());
        node.set("data", json.valueToTree(event.data()));
        context.traceparent().ifPresent(t -> node.put(TRACEPARENT, t.toString()));
        context.correlationId().ifPresent(c -> node.put(CorrelationIds.EVENT_EXTENSION, c));
        return json.writeValueAsString(node);
    }

    public DecodedEvent decode(String message) {
        if (message == null || message.isBlank()) {
            throw new UndecodableEvent("empty message");
        }
        JsonNode node;
        try {
            node = json.readTree(message);
        } catch (JacksonException notJson) {
            throw new UndecodableEvent("not JSON");
        }
        if (!node.isObject()) {
            throw new UndecodableEvent("not a JSON object");
        }
        if (!"1.0".equals(text(node, "specversion"))) {
            throw new UndecodableEvent("not a CloudEvents 1.0 event");
        }
        String type = required(node, "type");
        Class<? extends DomainEvent> dataClass = EventTypes.dataClassOf(type)
                .orElseThrow(() -> new UndecodableEvent("unknown event type '" + type + "'"));
        try {
            DomainEvent data = tolerantData.forType(dataClass).readValue(node.required("data"));
            EventEnvelope envelope = new EventEnvelope(new EventId(required(node, "id")), required(node, "source"),
                    type, required(node, "subject"), Instant.parse(required(node, "time")), data);
            TransportContext context = new TransportContext(
                    TraceParent.parse(text(node, TRACEPARENT)),
                    CorrelationIds.safe(text(node, CorrelationIds.EVENT_EXTENSION)));
            return new DecodedEvent(envelope, context);
        } catch (JacksonException | InvalidInput | IllegalArgumentException | DateTimeParseException
                | NullPointerException invalid) {
            // The reason names the kind of fault only; the values may be personal data.
            throw new UndecodableEvent("invalid " + type + " event: " + invalid.getClass().getSimpleName());
        }
    }

    private static String required(JsonNode node, String attribute) {
        return Optional.ofNullable(text(node, attribute))
                .orElseThrow(() -> new UndecodableEvent("missing attribute '" + attribute + "'"));
    }

    private static String text(JsonNode node, String attribute) {
        JsonNode value = node.get(attribute);
        return value != null && value.isString() ? value.asString() : null;
    }
}
