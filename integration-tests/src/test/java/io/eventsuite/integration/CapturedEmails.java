package io.eventsuite.integration;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What the notification service "sent": the captured-email queue, read and remembered across tests. */
final class CapturedEmails {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<JsonNode> SEEN = new ArrayList<>();

    private CapturedEmails() {
    }

    static synchronized List<JsonNode> to(LocalAws aws, String address) {
        aws.drain(aws.capturedEmailQueueUrl).forEach(m -> SEEN.add(JSON.readTree(m.body())));
        return SEEN.stream().filter(e -> e.path("to").asString().equals(address)).toList();
    }
}
