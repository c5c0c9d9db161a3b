package io.eventsuite.adapters.messaging.sns;

import io.eventsuite.platform.events.CloudEventCodec;
import io.eventsuite.platform.events.TransportContext;
import io.eventsuite.platform.observability.CorrelationIds;
import io.eventsuite.platform.observability.TraceParent;
import io.eventsuite.platform.outbox.StoredEvent;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.PublishBatchRequestEntry;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** One encoded CloudEvent ready for SNS: the body verbatim and the allow-listed message attributes. */
record OutgoingEvent(String eventId, String type, String body, Map<String, String> attributes) {

    static final String TYPE = "type";
    static final String TRACEPARENT = CloudEventCodec.TRACEPARENT;
    static final String CORRELATION_ID = CorrelationIds.EVENT_EXTENSION;
    private static final String STRING = "String";

    OutgoingEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(body, "body");
        attributes = Map.copyOf(attributes);
    }

    static OutgoingEvent of(String eventId, String type, String body, TransportContext context) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put(TYPE, type);
        context.traceparent().ifPresent(t -> attributes.put(TRACEPARENT, t.toString()));
        context.correlationId().ifPresent(c -> attributes.put(CORRELATION_ID, c));
        return new OutgoingEvent(eventId, type, body, attributes);
    }

    /**
     * A stored event, published exactly as stored; its {@code traceparent} and {@code correlationid} extensions
     * become attributes again (checked as the codec would: a malformed one is left out, never trusted).
     */
    static OutgoingEvent of(StoredEvent stored, JsonMapper json) {
        return of(stored.eventId(), stored.type(), stored.cloudEvent(), contextOf(stored.cloudEvent(), json));
    }

    private static TransportContext contextOf(String cloudEvent, JsonMapper json) {
        try {
            JsonNode node = json.readTree(cloudEvent);
            if (node == null || !node.isObject()) {
                return TransportContext.NONE;
            }
            return new TransportContext(TraceParent.parse(text(node, TRACEPARENT)),
                    CorrelationIds.safe(text(node, CORRELATION_ID)));
        } catch (JacksonException notJson) {
            return TransportContext.NONE; // published as stored all the same; the consumer will judge it
        }
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value != null && value.isString() ? value.asString() : null;
    }

    /** Bytes SNS counts against its 256 KB limit: the message and each attribute's name, type and value. */
    int size() {
        int size = body.getBytes(StandardCharsets.UTF_8).length;
        for (Map.Entry<String, String> a : attributes.entrySet()) {
            size += a.getKey().getBytes(StandardCharsets.UTF_8).length + STRING.length()
                    + a.getValue().getBytes(StandardCharsets.UTF_8).length;
        }
        return size;
    }

    PublishBatchRequestEntry entry(String entryId) {
        Map<String, MessageAttributeValue> values = new LinkedHashMap<>();
        attributes.forEach((name, value) ->
                values.put(name, MessageAttributeValue.builder().dataType(STRING).stringValue(value).build()));
        return PublishBatchRequestEntry.builder().id(entryId).message(body).messageAttributes(values).build();
    }
}
