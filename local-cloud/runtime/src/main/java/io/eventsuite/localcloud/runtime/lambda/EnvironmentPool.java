package io.eventsuite.localcloud.runtime.lambda;

import io.eventsuite.localcloud.faults.Faults;
import io.eventsuite.localcloud.runtime.LambdaInvoker;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A function's execution environments, scaled as Lambda scales them: an invocation takes the most recently used
 * idle environment (the warmest); when every one is busy it starts another, up to the function's concurrency
 * limit; beyond the limit it waits for one to come free, up to the function's timeout, and is then throttled
 * ({@code TooManyRequestsException}, which the gateway answers with 429). An environment idle longer than
 * the idle timeout is stopped (Lambda reclaims idle sandboxes after some minutes); one that died (crash, timeout)
 * is dropped, and the next invocation that needs it starts a new one.
 */
public final class EnvironmentPool implements LambdaInvoker, AutoCloseable {

    /**
     * @param maxConcurrency the most environments at once: the template's {@code ReservedConcurrentExecutions},
     *                       else the local cloud's {@code --max-concurrency}
     * @param idleTimeout    how long an unused environment is kept warm
     */
    public record Scaling(int maxConcurrency, Duration idleTimeout) {

        public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(5);

        public Scaling {
            if (maxConcurrency < 1) {
                throw new IllegalArgumentException("the concurrency limit must be at least 1, got " + maxConcurrency);
            }
        }
    }

    /** Reaps idle environments of every pool; one daemon thread is enough. */
    private static final ScheduledExecutorService REAPER = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("environment-reaper").factory());

    private final FunctionSpec spec;
    private final String region;
    private final Consumer<String> output;
    private final Scaling scaling;
    private final Faults faults;
    /** Idle environments, the most recently used first; each with the time it became idle. */
    private final Deque<Idle> idle = new ArrayDeque<>();
    private final List<ExecutionEnvironment> all = new ArrayList<>();
    private final java.util.concurrent.ScheduledFuture<?> reaping;
    private int peak;
    private boolean closed;

    private record Idle(ExecutionEnvironment environment, long sinceNanos) {
    }

    public EnvironmentPool(FunctionSpec spec, String region, Consumer<String> output, Scaling scaling) {
        this(spec, region, output, scaling, Faults.none());
    }

    /** @param faults the fault switch, whose crash rate applies to each environment */
    public EnvironmentPool(FunctionSpec spec, String region, Consumer<String> output, Scaling scaling,
            Faults faults) {
        this.faults = faults;
        this.spec = spec;
        this.region = region;
        this.output = output;
        this.scaling = scaling;
        long every = Math.max(100, Math.min(scaling.idleTimeout().toMillis() / 2, 30_000));
        this.reaping = REAPER.scheduleWithFixedDelay(this::reapIdle, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public byte[] invoke(byte[] event) throws FunctionError, InterruptedException {
        ExecutionEnvironment environment = acquire();
        try {
            return environment.invoke(event);
        } finally {
            release(environment);
        }
    }

    private synchronized ExecutionEnvironment acquire() throws FunctionError, InterruptedException {
        long deadline = System.nanoTime() + spec.timeout().toNanos();
        while (true) {
            if (closed) {
                throw new FunctionError("Runtime.Shutdown", RuntimeApiServer.errorDocument("Runtime.Shutdown",
                        "the local cloud is stopping"));
            }
            Idle warmest = idle.pollFirst();
            if (warmest != null) {
                return warmest.environment();
            }
            if (all.size() < scaling.maxConcurrency()) {
                ExecutionEnvironment started = new ExecutionEnvironment(spec, region, output, faults);
                all.add(started);
                peak = Math.max(peak, all.size());
                return started;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new FunctionError("TooManyRequestsException", RuntimeApiServer.errorDocument(
                        "TooManyRequestsException", "Rate Exceeded. (all " + scaling.maxConcurrency()
                                + " environments of " + spec.name() + " stayed busy)"));
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    private void release(ExecutionEnvironment environment) {
        boolean dead;
        synchronized (this) {
            // A crashed or timed-out environment is dropped; the next invocation that needs one starts it.
            dead = closed || !environment.isWarm();
            if (dead) {
                all.remove(environment);
            } else {
                idle.addFirst(new Idle(environment, System.nanoTime()));
            }
            notifyAll();
        }
        if (dead) {
            environment.close();
        }
    }

    private void reapIdle() {
        List<ExecutionEnvironment> reaped = new ArrayList<>();
        synchronized (this) {
            long now = System.nanoTime();
            for (Iterator<Idle> it = idle.iterator(); it.hasNext(); ) {
                Idle candidate = it.next();
                if (now - candidate.sinceNanos() >= scaling.idleTimeout().toNanos()) {
                    it.remove();
                    reaped.add(candidate.environment());
                }
            }
        }
        // Stopped before they stop counting, so the limit is never exceeded by JVMs still shutting down.
        reaped.forEach(ExecutionEnvironment::close);
        synchronized (this) {
            all.removeAll(reaped);
            notifyAll();
        }
    }

    /** Environments that exist now, busy or idle. */
    public synchronized int environments() {
        return all.size();
    }

    /** The most environments that ran at once. */
    public synchronized int peakEnvironments() {
        return peak;
    }

    /** Whether the next invocation finds an idle warm environment. */
    public synchronized boolean isWarm() {
        return idle.stream().anyMatch(i -> i.environment().isWarm());
    }

    public Scaling scaling() {
        return scaling;
    }

    @Override
    public void close() {
        List<ExecutionEnvironment> toClose;
        synchronized (this) {
            closed = true;
            toClose = new ArrayList<>(all);
            all.clear();
            idle.clear();
            notifyAll();
        }
        reaping.cancel(false);
        toClose.forEach(ExecutionEnvironment::kill);
        toClose.forEach(ExecutionEnvironment::close);
    }
}
