package io.eventsuite.deployment.artifacts;

import io.eventsuite.localcloud.runtime.lambda.ExecutionEnvironment;
import io.eventsuite.localcloud.runtime.lambda.FunctionError;
import io.eventsuite.localcloud.runtime.lambda.FunctionSpec;
import io.eventsuite.platform.testing.ApiGatewayV2Events;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One function of the template in its own execution environment (a JVM under the real runtime interface client),
 * created when this is: the first invocation is the cold start, measured from here. Keeps the function's log lines
 * for printing when something about it fails, and the duration of every invocation.
 */
final class DeployedFunction implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    final String logicalId;
    final FunctionSpec spec;
    private final ExecutionEnvironment environment;
    private final List<String> logs = new CopyOnWriteArrayList<>();
    private final List<Duration> invocations = new ArrayList<>();
    private final long createdAt;

    DeployedFunction(String logicalId, FunctionSpec spec, String region) {
        this.logicalId = logicalId;
        this.spec = spec;
        this.createdAt = System.nanoTime();
        this.environment = new ExecutionEnvironment(spec, region, logs::add);
    }

    /** Invokes with the event; a function error (or an init error, or a timeout) fails with the function's logs. */
    byte[] invoke(String event) {
        long start = invocations.isEmpty() ? createdAt : System.nanoTime();
        try {
            byte[] answer = environment.invoke(event.getBytes(StandardCharsets.UTF_8));
            invocations.add(Duration.ofNanos(System.nanoTime() - start));
            return answer;
        } catch (FunctionError error) {
            invocations.add(Duration.ofNanos(System.nanoTime() - start));
            throw new AssertionError(logicalId + " answered a function error " + error.errorType() + ": "
                    + error.errorDocument());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    JsonNode invokeJson(String event) {
        byte[] answer = invoke(event);
        try {
            return JSON.readTree(answer);
        } catch (RuntimeException notJson) {
            throw new AssertionError(logicalId + " answered something that is not JSON: "
                    + new String(answer, StandardCharsets.UTF_8), notJson);
        }
    }

    /** An HTTP API invocation, its answer read as API Gateway reads a payload 2.0 response. */
    HttpReply http(ApiGatewayV2Events request) {
        return HttpReply.of(invokeJson(request.toJson()));
    }

    /** Cold start: from creating the environment to the first answer (JVM start, Spring init, first invoke). */
    Duration coldStart() {
        return invocations.isEmpty() ? null : invocations.get(0);
    }

    /** The second invocation, in the warm environment. */
    Duration warm() {
        return invocations.size() < 2 ? null : invocations.get(1);
    }

    int invocationCount() {
        return invocations.size();
    }

    List<String> logs() {
        return List.copyOf(logs);
    }

    String logDump() {
        StringBuilder dump = new StringBuilder("---- log of " + logicalId + " (" + logs.size() + " lines) ----\n");
        logs.forEach(line -> dump.append('[').append(logicalId).append("] ").append(line).append('\n'));
        return dump.append("---- end of log of ").append(logicalId).append(" ----").toString();
    }

    @Override
    public void close() {
        environment.close();
    }

    /** A payload 2.0 HTTP response: status, headers, the raw body and, when it is JSON, the body parsed. */
    record HttpReply(int status, Map<String, String> headers, String rawBody, JsonNode body) {

        static HttpReply of(JsonNode response) {
            if (!response.has("statusCode")) {
                throw new AssertionError("not an HTTP API response (no statusCode): " + response);
            }
            Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            JsonNode h = response.path("headers");
            for (String name : h.propertyNames()) {
                headers.put(name, h.get(name).asString());
            }
            JsonNode bodyNode = response.get("body");
            String raw = bodyNode == null || bodyNode.isNull() ? null : bodyNode.asString();
            JsonNode body = null;
            if (raw != null && !raw.isEmpty()) {
                try {
                    body = JSON.readTree(raw);
                } catch (RuntimeException notJson) {
                    body = null;
                }
            }
            return new HttpReply(response.path("statusCode").asInt(), headers, raw, body);
        }

        String header(String name) {
            return headers.get(name);
        }

        String field(String name) {
            JsonNode value = body == null ? null : body.get(name);
            return value == null || value.isNull() ? null : value.asString();
        }

        @Override
        public String toString() {
            return status + " " + headers + " " + rawBody;
        }
    }
}
