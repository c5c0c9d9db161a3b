package io.eventsuite.integration;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What landed in a queue's DLQ: read (and removed) from SQS, and remembered across tests. */
final class DeadLetters {

    private static final Map<String, List<String>> SEEN = new HashMap<>();

    private DeadLetters() {
    }

    static synchronized List<String> of(LocalAws aws, LocalAws.Queue queue) {
        List<String> bodies = SEEN.computeIfAbsent(queue.name(), q -> new ArrayList<>());
        aws.drain(queue.dlqUrl()).forEach(m -> bodies.add(m.body()));
        return List.copyOf(bodies);
    }
}
