package io.eventsuite.platform.testing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.cloud.function.adapter.aws.FunctionInvoker;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Invokes functions through the real Lambda entry point, {@link FunctionInvoker#handleRequest}, with event
 * JSON as bytes, exactly as the Lambda runtime does. Each function definition gets its own invoker (and so
 * its own Spring context, as each Lambda function has), created once and reused like a warm container:
 * {@link #of} shares these containers with every test in the JVM, {@link #isolated} starts its own, for a test
 * whose outcome depends on a container's state (a circuit breaker, a meter).
 */
public final class LambdaEntryPoint {

    private static final Map<String, FunctionInvoker> INVOKERS = new ConcurrentHashMap<>();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Class<?> mainClass;
    private final Map<String, FunctionInvoker> invokers;

    private LambdaEntryPoint(Class<?> mainClass, Map<String, FunctionInvoker> invokers) {
        this.mainClass = mainClass;
        this.invokers = invokers;
    }

    /** Functions of the application started from {@code mainClass} (what MAIN_CLASS names in the template). */
    public static LambdaEntryPoint of(Class<?> mainClass) {
        return new LambdaEntryPoint(mainClass, INVOKERS);
    }

    /**
     * Like {@link #of}, but with containers of its own: nothing another test did to a function's context (its
     * circuit breaker opened by an outage, its meters) reaches the functions invoked through this one.
     */
    public static LambdaEntryPoint isolated(Class<?> mainClass) {
        return new LambdaEntryPoint(mainClass, new ConcurrentHashMap<>());
    }

    /** Invokes {@code definition} with {@code eventJson}; returns the raw bytes the function wrote, as text. */
    public String invokeRaw(String definition, String eventJson) {
        FunctionInvoker invoker = invokers.computeIfAbsent(mainClass.getName() + "#" + definition, key -> {
            // FunctionInvoker reads MAIN_CLASS from the environment or, failing that, a system property.
            System.setProperty("MAIN_CLASS", mainClass.getName());
            return new FunctionInvoker(definition);
        });
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try {
            invoker.handleRequest(new ByteArrayInputStream(eventJson.getBytes(StandardCharsets.UTF_8)), output,
                    FakeLambdaContext.of(definition));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return output.toString(StandardCharsets.UTF_8);
    }

    public JsonNode invoke(String definition, String eventJson) {
        return JSON.readTree(invokeRaw(definition, eventJson));
    }

    /**
     * An HTTP API invocation, its answer read as API Gateway would read it and checked against the API's contract
     * (docs/openapi.yaml): an answer the contract does not describe fails the test here, whatever the test asserts.
     */
    public HttpAnswer http(String definition, ApiGatewayV2Events request) {
        HttpAnswer answer = HttpAnswer.of(invoke(definition, request.toJson()));
        OpenApiContract.project().assertConforms(request.routeKey(), answer);
        return answer;
    }
}
