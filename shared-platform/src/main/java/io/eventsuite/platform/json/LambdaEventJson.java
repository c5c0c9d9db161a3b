package io.eventsuite.platform.json;

import java.io.InputStream;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads Lambda events (API Gateway's HTTP API, SQS) with Jackson 3, the layer's one JSON stack, into the
 * {@code aws-lambda-java-events} types, as the Lambda runtime's own serializer reads them (LambdaEventJsonTest). Not
 * with that serializer: it brings a second, shaded Jackson of some 800 classes into every cold start
 * (docs/decisions.md, "One JSON stack"). Property names match regardless of case, for SQS's {@code Records} and
 * {@code eventSourceARN}, which the types' setters spell {@code records} and {@code eventSourceArn}. Lenient, unlike
 * {@link StrictJson}: AWS adds fields to its events, and a body may be as large as Lambda's payload limit.
 */
public final class LambdaEventJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private LambdaEventJson() {
    }

    /** The event in {@code json}, as {@code type}. */
    public static <T> T read(InputStream json, Class<T> type) {
        return MAPPER.readValue(json, type);
    }
}
