package io.eventsuite.localcloud.functions;

import io.eventsuite.localcloud.runtime.LambdaInvoker;
import io.eventsuite.localcloud.runtime.lambda.ExecutionEnvironment;
import io.eventsuite.localcloud.runtime.lambda.FunctionSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One Lambda execution environment per function of the template. Each starts its JVM on the function's first
 * invocation (a cold start) and keeps it for the next ones, like a warm sandbox; invocations of one function are
 * served one at a time.
 */
public final class LocalFunctions implements AutoCloseable {

    private final Map<String, ExecutionEnvironment> environments = new LinkedHashMap<>();

    public LocalFunctions(Iterable<FunctionSpec> specs, String region, FunctionLogs logs) {
        for (FunctionSpec spec : specs) {
            environments.put(spec.name(), new ExecutionEnvironment(spec, region, logs.sink(spec.name())));
        }
    }

    public Set<String> names() {
        return environments.keySet();
    }

    /** The function's invoker; throws for a function the local cloud does not run. */
    public LambdaInvoker invoker(String name) {
        ExecutionEnvironment environment = environments.get(name);
        if (environment == null) {
            throw new IllegalArgumentException("no local function " + name);
        }
        return environment;
    }

    public boolean contains(String name) {
        return environments.containsKey(name);
    }

    /** Whether the function's JVM is up (the next invocation is warm). */
    public boolean isWarm(String name) {
        ExecutionEnvironment environment = environments.get(name);
        return environment != null && environment.isWarm();
    }

    /** Stops every function's JVM. */
    @Override
    public void close() {
        RuntimeException failure = null;
        for (ExecutionEnvironment environment : environments.values()) {
            try {
                environment.close();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
