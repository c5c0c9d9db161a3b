package io.eventsuite.platform.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.InputStream;

/** Reads HTTP API (payload 2.0) events with the serializer the Lambda Java runtime uses for typed handlers. */
final class ApiGatewayEvents {

    private static final PojoSerializer<APIGatewayV2HTTPEvent> SERIALIZER =
            LambdaEventSerializers.serializerFor(APIGatewayV2HTTPEvent.class, ApiGatewayEvents.class.getClassLoader());

    private ApiGatewayEvents() {
    }

    static APIGatewayV2HTTPEvent read(InputStream event) {
        return SERIALIZER.fromJson(event);
    }
}
