package io.eventsuite.platform.json;

import io.eventsuite.domain.common.Email;
import io.eventsuite.domain.common.EventId;
import io.eventsuite.domain.common.NotificationId;
import io.eventsuite.domain.common.OrderId;
import io.eventsuite.domain.common.UserId;
import java.util.function.Function;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Teaches Jackson that the domain's single-value types (ids, email) are plain JSON strings.
 *
 * <p>The domain cannot carry Jackson annotations (it imports nothing but {@code java..}), so the mapping
 * lives here, at the edge. Their constructors validate, so a bad id in a body or an event is refused with
 * the domain's own message.
 */
public final class DomainJsonModule extends SimpleModule {

    public DomainJsonModule() {
        super("eventsuite-domain");
        addStringValue(UserId.class, UserId::new, UserId::value);
        addStringValue(OrderId.class, OrderId::new, OrderId::value);
        addStringValue(EventId.class, EventId::new, EventId::value);
        addStringValue(NotificationId.class, NotificationId::new, NotificationId::value);
        addStringValue(Email.class, Email::new, Email::value);
    }

    private <T> void addStringValue(Class<T> type, Function<String, T> parse, Function<T, String> format) {
        addSerializer(type, new ValueSerializer<>() {
            @Override
            public void serialize(T value, JsonGenerator gen, SerializationContext ctxt) {
                gen.writeString(format.apply(value));
            }
        });
        addDeserializer(type, new ValueDeserializer<>() {
            @Override
            public T deserialize(JsonParser parser, DeserializationContext ctxt) {
                if (parser.currentToken() != JsonToken.VALUE_STRING) {
                    return ctxt.reportInputMismatch(type, "expected a string");
                }
                // InvalidInput carries the domain's message; JsonBodyReader names the field it came from.
                return parse.apply(parser.getString());
            }
        });
    }
}
