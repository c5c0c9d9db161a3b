package io.eventsuite.benchmarks.coldstart;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reading the functions' answers: a measurement counts only when the function did the work. */
final class WorkloadAnswers {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private WorkloadAnswers() {
    }

    /** The answer's HTTP body when its status is {@code status}; throws otherwise. */
    static JsonNode httpBody(String variant, String answer, int status) {
        JsonNode response = JSON.readTree(answer);
        JsonNode body = response.path("body").isString() ? JSON.readTree(response.path("body").asString()) : null;
        if (response.path("statusCode").asInt() != status || body == null) {
            throw new IllegalStateException(variant + " did not answer " + status + ": " + answer);
        }
        return body;
    }

    /** The SQS batch answer, required to list no failure. */
    static void noBatchItemFailures(String variant, String answer) {
        JsonNode failures = JSON.readTree(answer).path("batchItemFailures");
        if (!failures.isArray() || !failures.isEmpty()) {
            throw new IllegalStateException(variant + " did not handle the whole batch: " + answer);
        }
    }
}
