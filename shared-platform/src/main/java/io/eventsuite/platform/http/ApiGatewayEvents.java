package io.eventsuite.platform.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.io.InputStream;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads HTTP API (payload 2.0) events with Jackson 3, the JSON stack the rest of the layer uses, into the
 * {@code aws-lambda-java-events} type, whose setters name the event's fields. Not with the Lambda runtime's own
 * serializer: that brings a second, shaded Jackson of some 800 classes into every cold start (docs/benchmarks.md,
 * "Levers"). Lenient, unlike the suite's {@code StrictJson}: AWS adds fields to events, and a body may be as large as
 * Lambda's payload limit.
 */
final class ApiGatewayEvents {

    private static final ObjectReader READER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build()
            .readerFor(APIGatewayV2HTTPEvent.class);

    private ApiGatewayEvents() {
    }

    static APIGatewayV2HTTPEvent read(InputStream event) {
        return READER.readValue(event);
    }
}
