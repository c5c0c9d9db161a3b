package io.eventsuite.localcloud.runtime.lambda;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What an execution environment needs to run one function, as the template describes it.
 *
 * @param name        the function's name
 * @param handler     the handler string, e.g. {@code org.springframework.cloud.function.adapter.aws.FunctionInvoker::handleRequest}
 * @param classpath   what Lambda puts on the classpath: the task root, its {@code lib/*} jars, each layer's {@code java/lib/*}
 * @param environment the function's environment variables from the template
 * @param memoryMb    its memory size, which sets the heap as Lambda does
 * @param timeout     its timeout; an invocation running longer is cut off and the environment discarded
 * @param initTimeout how long the environment may take to initialize (JVM, runtime client, the handler's
 *                    constructor) before its first invocation starts; Lambda's is 10 s, apart from the timeout
 */
public record FunctionSpec(String name, String handler, List<Path> classpath, Map<String, String> environment,
        int memoryMb, Duration timeout, Duration initTimeout) {

    /** Lambda's limit on the init phase of an on-demand environment. */
    public static final Duration LAMBDA_INIT_TIMEOUT = Duration.ofSeconds(10);

    public FunctionSpec {
        classpath = List.copyOf(classpath);
        environment = Map.copyOf(environment);
        initTimeout = initTimeout == null ? LAMBDA_INIT_TIMEOUT : initTimeout;
    }

    /** A function with Lambda's init timeout. */
    public FunctionSpec(String name, String handler, List<Path> classpath, Map<String, String> environment,
            int memoryMb, Duration timeout) {
        this(name, handler, classpath, environment, memoryMb, timeout, LAMBDA_INIT_TIMEOUT);
    }

    public FunctionSpec withInitTimeout(Duration initTimeout) {
        return new FunctionSpec(name, handler, classpath, environment, memoryMb, timeout, initTimeout);
    }
}
