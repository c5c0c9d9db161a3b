package io.eventsuite.localcloud.sns.filter;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON reader for policies and for the messages they are applied to. Decimals are read as {@code BigDecimal} so
 * that {@code 210.75} in a policy and {@code 210.75} in a message compare equal, with no binary rounding between them.
 */
final class PolicyJson {

    static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private PolicyJson() {
    }
}
