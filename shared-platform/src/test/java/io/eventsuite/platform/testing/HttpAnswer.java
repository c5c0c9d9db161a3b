package io.eventsuite.platform.testing;

import java.util.HashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** An API Gateway v2 response as a function returned it: status, headers and the body parsed as JSON. */
public record HttpAnswer(int status, Map<String, String> headers, String rawBody, JsonNode body) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static HttpAnswer of(JsonNode response) {
        Map<String, String> headers = new HashMap<>();
        JsonNode h = response.path("headers");
        for (String name : h.propertyNames()) {
            headers.put(name, h.get(name).asString());
        }
        JsonNode bodyNode = response.get("body");
        String raw = bodyNode == null || bodyNode.isNull() ? null : bodyNode.asString();
        return new HttpAnswer(response.path("statusCode").asInt(), headers, raw,
                raw == null ? null : JSON.readTree(raw));
    }

    public String header(String name) {
        return headers.get(name);
    }

    /** The RFC 9457 type of a problem answer. */
    public String problemType() {
        return body == null ? null : body.path("type").asString();
    }
}
