package io.eventsuite.localcloud.sns;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON reader for JSON carried inside request parameters (a RedrivePolicy, a {@code MessageStructure=json}
 * message, a {@code String.Array} attribute). Trailing tokens are refused, so {@code {"a":1} junk} is not taken for
 * valid JSON on the strength of its first value.
 */
final class RequestJson {

    static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private RequestJson() {
    }
}
