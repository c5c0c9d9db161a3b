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
 */
public record FunctionSpec(String name, String handler, List<Path> classpath, Map<String, String> environment,
        int memoryMb, Duration timeout) {

    public FunctionSpec {
        classpath = List.copyOf(classpath);
        environment = Map.copyOf(environment);
    }
}
