package io.eventsuite.localcloud.functions;

import io.eventsuite.localcloud.provision.EveryStep;
import io.eventsuite.localcloud.faults.Faults;
import io.eventsuite.localcloud.runtime.LambdaInvoker;
import io.eventsuite.localcloud.runtime.lambda.EnvironmentPool;
import io.eventsuite.localcloud.runtime.lambda.FunctionSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The template's functions, each with its execution environments ({@link EnvironmentPool}): a JVM is started on
 * an invocation that finds every environment of the function busy (a cold start), up to the function's
 * concurrency limit, kept warm for the next ones and stopped after it idles a while.
 */
public final class LocalFunctions implements AutoCloseable {

    private final Map<String, EnvironmentPool> functions = new LinkedHashMap<>();

    public LocalFunctions(Iterable<FunctionSpec> specs, String region, FunctionLogs logs,
            Function<String, EnvironmentPool.Scaling> scaling, Faults faults) {
        for (FunctionSpec spec : specs) {
            functions.put(spec.name(), new EnvironmentPool(spec, region, logs.sink(spec.name()),
                    scaling.apply(spec.name()), faults));
        }
    }

    public Set<String> names() {
        return functions.keySet();
    }

    /** The function's invoker; throws for a function the local cloud does not run. */
    public LambdaInvoker invoker(String name) {
        return pool(name);
    }

    /** The function's environments; throws for a function the local cloud does not run. */
    public EnvironmentPool pool(String name) {
        EnvironmentPool pool = functions.get(name);
        if (pool == null) {
            throw new IllegalArgumentException("no local function " + name);
        }
        return pool;
    }

    public boolean contains(String name) {
        return functions.containsKey(name);
    }

    /** Whether the function has an idle warm environment (the next invocation is warm). */
    public boolean isWarm(String name) {
        EnvironmentPool pool = functions.get(name);
        return pool != null && pool.isWarm();
    }

    /** Stops every function's JVMs. */
    @Override
    public void close() {
        EveryStep.run(functions.values().stream().<EveryStep.Step>map(pool -> pool::close).toList());
    }
}
