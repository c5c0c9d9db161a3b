package io.eventsuite.platform.snapstart;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import io.eventsuite.platform.observability.InvocationLogContext;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.function.context.FunctionCatalog;
import org.springframework.cloud.function.context.catalog.SimpleFunctionRegistry.FunctionInvocationWrapper;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

/**
 * Primes the function before Lambda takes its SnapStart snapshot, inside the application context that the
 * snapshot will hold (never through a second {@code FunctionInvoker}: building one during the checkpoint
 * hangs on Boot 4, spring-cloud-function issue 1450).
 *
 * <p>Three things are primed: the pinned function itself, through the {@link FunctionCatalog} with an event
 * that it refuses without side effects (so event parsing, routing, JSON and logging are loaded and warm),
 * the service's {@link PrimingRead}s (so the SDK client and repository code are too), and last, where the service
 * gives one, an {@link InMemoryPrimingEvent}: a request the function carries out, inside the {@link PrimingSandbox}
 * that answers its AWS calls in memory (so the success path is warm too). Failures are logged and ignored: priming
 * only makes restores faster.
 */
public final class SnapStartPriming implements Resource {

    private static final Logger LOG = LoggerFactory.getLogger(SnapStartPriming.class);

    private final FunctionCatalog catalog;
    private final String definition;
    private final Supplier<String> primingEvent;
    private final Supplier<Optional<String>> inMemoryEvent;
    private final Supplier<Optional<PrimingSandbox>> sandbox;
    private final Supplier<List<PrimingRead>> reads;
    private volatile int primedCalls;
    private volatile Object primedAnswer;
    private volatile Object primedInMemoryAnswer;

    /**
     * @param definition   the pinned function ({@code spring.cloud.function.definition}); blank primes no function
     * @param primingEvent an event the function answers without side effects
     * @param reads        the service's priming reads, resolved only when priming (so a function whose
     *                     environment lacks what a read needs still starts; that read then fails, logged)
     */
    public SnapStartPriming(FunctionCatalog catalog, String definition, String primingEvent,
            Supplier<List<PrimingRead>> reads) {
        this(catalog, definition, primingEvent, null, Optional::empty, reads);
    }

    /**
     * @param inMemoryEvent a request the function carries out ({@link InMemoryPrimingEvent}), or null; run only inside
     *                      the sandbox, and not at all without one
     * @param sandbox       resolved only when priming
     */
    public SnapStartPriming(FunctionCatalog catalog, String definition, String primingEvent, String inMemoryEvent,
            Supplier<Optional<PrimingSandbox>> sandbox, Supplier<List<PrimingRead>> reads) {
        this(catalog, definition, () -> primingEvent, () -> Optional.ofNullable(inMemoryEvent), sandbox, reads);
    }

    /** The same, each event resolved only when priming runs (so that a function never primed never builds them). */
    public SnapStartPriming(FunctionCatalog catalog, String definition, Supplier<String> primingEvent,
            Supplier<Optional<String>> inMemoryEvent, Supplier<Optional<PrimingSandbox>> sandbox,
            Supplier<List<PrimingRead>> reads) {
        this.catalog = catalog;
        this.definition = definition;
        this.primingEvent = primingEvent;
        this.inMemoryEvent = inMemoryEvent;
        this.sandbox = sandbox;
        this.reads = reads;
        Core.getGlobalContext().register(this);
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        prime();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        InvocationLogContext.resetColdStart();
        LOG.info("restored from the SnapStart snapshot");
    }

    /** Runs the priming; public so that tests (and a JVM without CRaC) can check what a snapshot would hold. */
    public void prime() {
        PrimingPhase.run(this::primeEverything);
    }

    private void primeEverything() {
        int calls = 0;
        boolean pinned = definition != null && !definition.isBlank();
        if (pinned) {
            try {
                primedAnswer = invoke(primingEvent.get());
                calls++;
            } catch (RuntimeException failure) {
                LOG.warn("priming {} failed: {}", definition, failure.toString());
            }
        }
        List<PrimingRead> toRun;
        try {
            toRun = reads.get();
        } catch (RuntimeException unavailable) {
            LOG.warn("priming reads unavailable: {}", unavailable.toString());
            toRun = List.of();
        }
        for (PrimingRead read : toRun) {
            try {
                read.run();
                calls++;
            } catch (RuntimeException failure) {
                LOG.warn("a priming read failed: {}", failure.toString());
            }
        }
        if (pinned) {
            calls += primeInMemory() ? 1 : 0;
        }
        primedCalls = calls;
        InvocationLogContext.resetColdStart();
        LOG.info("primed {} for the snapshot with {} call(s)", definition, calls);
    }

    /** The success path, inside the sandbox; never outside one, where it would write and send for real. */
    private boolean primeInMemory() {
        try {
            Optional<String> event = inMemoryEvent.get();
            if (event.isEmpty()) {
                return false;
            }
            Optional<PrimingSandbox> inMemory = sandbox.get();
            if (inMemory.isEmpty()) {
                LOG.warn("no priming sandbox: {}'s in-memory priming event is not run", definition);
                return false;
            }
            inMemory.get().answerInMemory(() -> primedInMemoryAnswer = invoke(event.get()));
            return true;
        } catch (RuntimeException failure) {
            LOG.warn("priming {} in memory failed: {}", definition, failure.toString());
            return false;
        }
    }

    private Object invoke(String json) {
        byte[] event = json.getBytes(StandardCharsets.UTF_8);
        FunctionInvocationWrapper function = catalog.lookup(definition, "application/json");
        // Functions typed on the raw stream (HTTP routes) take it as the adapter would hand it over.
        Object payload = function.getInputType().getTypeName().contains(InputStream.class.getName())
                ? new ByteArrayInputStream(event) : event;
        Object answer = function.apply(MessageBuilder.withPayload(payload).build());
        return answer instanceof Message<?> message ? message.getPayload() : answer;
    }

    public int primedCalls() {
        return primedCalls;
    }

    /**
     * What the pinned function answered the priming event, as the catalog hands it back (a message's payload: for a
     * route, the response's JSON bytes); for tests, to see how far into the route the priming got.
     */
    public Object primedAnswer() {
        return primedAnswer;
    }

    /** What the pinned function answered its in-memory priming event (as {@link #primedAnswer}); null if not run. */
    public Object primedInMemoryAnswer() {
        return primedInMemoryAnswer;
    }
}
