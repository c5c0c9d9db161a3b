package io.eventsuite.benchmarks.coldstart.snapstart;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.cloud.function.adapter.aws.FunctionInvoker;

/**
 * The Spring function as SnapStart runs it, in one JVM: init (the {@link FunctionInvoker}, so Spring's context), then,
 * when {@code EVENTSUITE_BENCH_SNAPSHOT=true}, the CRaC hooks as around a snapshot ({@code org.crac.Core.checkpointRestore()},
 * which with this package as {@code org.crac.Core.Compat} runs every registered resource's {@code beforeCheckpoint}
 * and {@code afterRestore}: the shared layer's {@code SnapStartPriming}), then the invocations. Each invocation's time
 * inside the handler is logged ({@link #LOG_PREFIX}), so that the first real invocation after the restore can be set
 * against a warm one without the init in between.
 */
public final class SnapStartHandler implements RequestStreamHandler {

    public static final String LOG_PREFIX = "SNAPSTART-BENCHMARK invocation ";
    private static final AtomicInteger INVOCATIONS = new AtomicInteger();

    private final FunctionInvoker function;

    public SnapStartHandler() throws Exception {
        function = new FunctionInvoker();
        if (Boolean.parseBoolean(System.getenv("EVENTSUITE_BENCH_SNAPSHOT"))) {
            long start = System.nanoTime();
            org.crac.Core.checkpointRestore();
            System.out.println(String.format(Locale.ROOT, "SNAPSTART-BENCHMARK hooks ran in %.1f ms",
                    (System.nanoTime() - start) / 1e6));
        }
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        try {
            function.handleRequest(input, output, context);
        } finally {
            // The handling thread's CPU time as well: on a shared machine the wall time spreads with the load, while
            // what a cold path costs (interpreting, loading and linking classes) shows in CPU time.
            System.out.println(String.format(Locale.ROOT, "%s%d handled in %.3f ms, %.3f ms CPU", LOG_PREFIX,
                    INVOCATIONS.incrementAndGet(), (System.nanoTime() - start) / 1e6,
                    (threads.getCurrentThreadCpuTime() - cpu) / 1e6));
        }
    }
}
