package io.eventsuite.localcloud.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class HttpApiEventTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final byte[] BODY = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);

    @Test
    void a_json_body_goes_as_text_unless_the_context_asks_for_base64() {
        JsonNode text = event(false);
        JsonNode base64 = event(true);

        assertThat(text.path("body").asString()).isEqualTo("{\"a\":1}");
        assertThat(text.path("isBase64Encoded").asBoolean()).isFalse();
        assertThat(base64.path("body").asString()).isEqualTo("eyJhIjoxfQ==");
        assertThat(base64.path("isBase64Encoded").asBoolean()).isTrue();
    }

    @Test
    void the_request_context_carries_the_account_api_route_claims_and_time() {
        JsonNode context = event(false).path("requestContext");

        assertThat(context.path("accountId").asString()).isEqualTo("123456789012");
        assertThat(context.path("apiId").asString()).isEqualTo("a1b2c3d4e5");
        assertThat(context.path("routeKey").asString()).isEqualTo("POST /orders/{id}/cancel");
        assertThat(context.path("authorizer").path("jwt").path("claims").path("sub").asString()).isEqualTo("alice");
        assertThat(context.path("time").asString()).isEqualTo("26/Nov/2026:19:03:58 +0000");
        assertThat(context.path("timeEpoch").asLong()).isEqualTo(1795719838390L);
    }

    private static JsonNode event(boolean base64) {
        HttpApiEvent.Request request = new HttpApiEvent.Request("POST", "/orders/o-1/cancel", "limit=5",
                Map.of("Content-Type", List.of("application/json"), "Host", List.of("a1b2c3d4e5.example")), BODY,
                "203.0.113.7", "HTTP/1.1");
        HttpApiEvent.Context context = new HttpApiEvent.Context("123456789012", "a1b2c3d4e5",
                "POST /orders/{id}/cancel", Map.of("id", "o-1"), Map.of("sub", "alice"), null, "r-1",
                Instant.ofEpochMilli(1795719838390L), base64);
        return JSON.readTree(HttpApiEvent.json(request, context));
    }
}
