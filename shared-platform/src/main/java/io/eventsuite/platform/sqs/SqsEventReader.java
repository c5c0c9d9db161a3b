package io.eventsuite.platform.sqs;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.io.InputStream;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads SQS events with Jackson 3, the layer's JSON stack, into the {@code aws-lambda-java-events} type, as the Lambda
 * runtime's serializer would (SqsEventReaderTest): property names match regardless of case, for the event's
 * {@code Records} and {@code eventSourceARN}, which the type's setters spell {@code records} and
 * {@code eventSourceArn}. Lenient: AWS adds fields to events.
 */
final class SqsEventReader {

    private static final ObjectReader READER = JsonMapper.builder()
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build()
            .readerFor(SQSEvent.class);

    private SqsEventReader() {
    }

    static SQSEvent read(InputStream event) {
        return READER.readValue(event);
    }
}
