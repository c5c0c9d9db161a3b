package io.eventsuite.benchmarks.load;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A load run against the local cloud on 127.0.0.1, as real REST clients: N virtual users ({@link VirtualUser})
 * register, place and cancel orders, rename themselves and close their accounts at once; then the driver waits
 * for the events to settle (queues empty, outboxes empty) and checks every effect ({@link EffectsCheck}).
 *
 * <pre>{@code
 * ./mvnw -B -f benchmarks/pom.xml compile exec:exec@load -Dload.args="users=16 orders-per-user=20"
 * }</pre>
 *
 * <p>Prints orders per second, HTTP latency percentiles, order-to-notification latency, the local cloud's CPU
 * and peak memory, the faults injected by kind, and lost and doubled effects. Exit status: 0 all effects exactly
 * once; 1 anything lost, doubled or left behind; 2 the local cloud is not reachable; 3 bad arguments.
 */
public final class LoadDriver {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Traces read for the hop breakdown: enough for a p99, few enough to read in seconds. */
    private static final int HOP_SAMPLE = 300;
    private static final List<String> RELAYS = List.of("RelayUserEventsFunction", "RelayOrderEventsFunction");

    /** What a run measured and found. */
    public record Result(int exitCode, long ordersAcknowledged, double ordersPerSecond, int lost, int doubled,
            boolean settled, List<String> findings, Map<String, Long> faultsInjected) {
    }

    private final LoadOptions options;
    private final PrintStream out;
    private final Optional<ProcessHandle> cloudProcess;

    LoadDriver(LoadOptions options, PrintStream out, Optional<ProcessHandle> cloudProcess) {
        this.options = options;
        this.out = out;
        this.cloudProcess = cloudProcess;
    }

    public static void main(String[] args) throws InterruptedException {
        LoadOptions options;
        try {
            options = LoadOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(LoadOptions.USAGE);
            System.exit(3);
            return;
        }
        Result result = run(options, System.out, ProcessTreeSampler.findLocalCloud(options.apiPort()));
        System.exit(result.exitCode());
    }

    /**
     * Runs the load and the checks.
     *
     * @param cloudProcess the local cloud's launcher process, whose tree is measured (empty: not measured)
     */
    public static Result run(LoadOptions options, PrintStream out, Optional<ProcessHandle> cloudProcess)
            throws InterruptedException {
        return new LoadDriver(options, out, cloudProcess).run();
    }

    private Result run() throws InterruptedException {
        ApiClient api = new ApiClient(options.api(), options.requestTimeout());
        String unreachable = unreachable(api);
        if (unreachable != null) {
            out.println("Cannot reach the local cloud: " + unreachable);
            out.println("Start it first (local-cloud/run, see docs/local-cloud.md); the driver talks to 127.0.0.1 only.");
            api.close();
            return new Result(2, 0, 0, 0, 0, false, List.of(unreachable), Map.of());
        }
        try (CloudState state = new CloudState(options.sqs(), options.dynamodb())) {
            Map<String, Long> faultsBefore = faultCounts(api);
            Map<String, Integer> dlqBefore = state.deadLetterDepths();
            Ledger ledger = new Ledger(options.runId());
            out.printf("Load run %s: %d users x %d orders (load phase at most %d s), against %s%n", options.runId(),
                    options.users(), options.ordersPerUser(), options.maxDuration().toSeconds(), options.api());

            warmUp();
            ProcessTreeSampler sampler = cloudProcess.map(ProcessTreeSampler::of).orElse(null);
            Instant started = Instant.now();
            long deadline = System.nanoTime() + options.maxDuration().toNanos();
            // Requests in flight at the deadline may still be retried for a while, then the clients give up.
            api.giveUpAt(deadline + options.requestTimeout().toNanos() * 2);
            List<VirtualUser> users = new ArrayList<>();
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < options.users(); i++) {
                VirtualUser user = new VirtualUser(api, ledger, i, options.ordersPerUser(), deadline,
                        options.closeWait());
                users.add(user);
                threads.add(Thread.ofVirtual().name("user-" + i).start(user));
            }
            // Past the give-up time, a request may still wait out an idempotency lock (ApiClient).
            long joinUntil = deadline + options.requestTimeout().toNanos() * 2
                    + ApiClient.IN_PROGRESS_PATIENCE.toNanos() + Duration.ofMinutes(1).toNanos();
            for (Thread t : threads) {
                t.join(Duration.ofNanos(Math.max(1, joinUntil - System.nanoTime())));
                if (t.isAlive()) {
                    t.interrupt();
                    ledger.anomalies.add(t.getName() + " was still busy "
                            + Duration.ofNanos(joinUntil - deadline).toSeconds() + " s after the load phase; stopped");
                }
            }
            api.giveUpAt(Long.MAX_VALUE);
            Instant loadEnded = Instant.now();
            List<Long> httpLatencies = api.latenciesNanos();
            out.printf("Load phase done in %.1f s; waiting for queues and outboxes to settle ...%n",
                    Duration.between(started, loadEnded).toMillis() / 1000.0);
            String unsettled = awaitQuiescence(api, state);
            Instant settled = Instant.now();
            if (sampler != null) {
                sampler.close();
            }

            Map<String, List<JsonNode>> listings = new LinkedHashMap<>();
            for (VirtualUser user : users) {
                if (user.token() != null && user.account().registered) {
                    List<JsonNode> items = VirtualUser.notifications(api, user.token());
                    if (items != null) {
                        listings.put(user.account().sub, items);
                        if (!user.account().deleted()) {
                            VirtualUser.noteOrderNotifications(user.account(), items);
                        }
                    }
                }
            }
            Map<String, List<Map<String, AttributeValue>>> tables = new LinkedHashMap<>();
            state.tables().forEach(t -> tables.put(t, state.items(t)));
            List<CloudState.Email> emails = state.drainEmails();
            EffectsCheck.Verdict verdict = new EffectsCheck(ledger, unsettled == null).check(tables, emails, listings, dlqBefore,
                    state.deadLetterDepths());
            Map<String, Long> faults = difference(faultCounts(api), faultsBefore);

            List<String> findings = new ArrayList<>(verdict.violations());
            if (ledger.ordersAcknowledged() == 0) {
                findings.add("no order was acknowledged: nothing was really checked (see the client notes)");
            }
            if (unsettled != null) {
                findings.add(unsettled);
            }
            double ordersPerSecond = ordersPerSecond(ledger, started);
            new LoadReport(out).print(options, ledger, verdict, findings, httpLatencies, ordersPerSecond,
                    Duration.between(started, loadEnded), Duration.between(loadEnded, settled), sampler, faults,
                    api);
            if (options.zipkin().isPresent()) {
                HopBreakdown.Result hops = HopBreakdown.read(options.zipkin().get(), ledger.tracedOrders, HOP_SAMPLE);
                if (hops.breakdown() != null) {
                    hops.breakdown().print(out);
                } else {
                    out.println("no hop breakdown: " + hops.unavailable());
                }
            }
            int exit = verdict.lost().isEmpty() && verdict.doubled().isEmpty() && findings.isEmpty() ? 0 : 1;
            List<String> all = new ArrayList<>(verdict.lost());
            all.addAll(verdict.doubled());
            all.addAll(findings);
            return new Result(exit, ledger.ordersAcknowledged(), ordersPerSecond, verdict.lost().size(),
                    verdict.doubled().size(), unsettled == null, all, faults);
        } finally {
            api.close();
        }
    }

    /**
     * Starts the functions the measured phase uses, so its figures are of warm environments (cold starts are
     * measured in the cold-start benchmark): one user, then up to four at once, register, place three orders and
     * cancel one (the first also closes its account), under a run id of their own; their effects are not checked.
     */
    private void warmUp() throws InterruptedException {
        ApiClient warmApi = new ApiClient(options.api(), options.requestTimeout());
        Ledger warm = new Ledger(options.runId() + "w");
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        warmApi.giveUpAt(deadline);
        // One user first, so each function starts one JVM at a time; then as many as the run has, up to four.
        Thread.ofVirtual().start(new VirtualUser(warmApi, warm, 103, 3, deadline)).join();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < Math.min(options.users(), 4); i++) {
            threads.add(Thread.ofVirtual().start(new VirtualUser(warmApi, warm, 110 + i, 3, deadline)));
        }
        for (Thread t : threads) {
            t.join();
        }
        warmApi.close();
        out.printf("Warm-up: %d orders acknowledged by %d users (not checked)%n", warm.ordersAcknowledged(),
                threads.size() + 1);
    }

    /** Null when the HTTP API and the emulators answer; else what does not. */
    private String unreachable(ApiClient api) {
        try {
            int status = api.probe("/local/jwks.json").statusCode();
            if (status != 200) {
                return options.api() + "/local/jwks.json answered " + status + " (is this the eventsuite local cloud?)";
            }
        } catch (IOException e) {
            return "nothing answers at " + options.api() + " (" + e.getClass().getSimpleName() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
        try (CloudState state = new CloudState(options.sqs(), options.dynamodb())) {
            state.queues();
            state.tables();
        } catch (RuntimeException e) {
            return "the emulators do not answer at " + options.sqs() + " (SQS) and " + options.dynamodb()
                    + " (DynamoDB): " + e.getMessage();
        }
        return null;
    }

    /**
     * Waits until no consumer queue holds a message and no outbox an event, three polls in a row. Events stuck in
     * an outbox for 5 s get the relays invoked (what their one-minute schedule would do, sooner).
     *
     * @return null when settled, else what was still moving at the timeout
     */
    private String awaitQuiescence(ApiClient api, CloudState state) throws InterruptedException {
        long until = System.nanoTime() + options.quiescenceTimeout().toNanos();
        int quietPolls = 0;
        long pendingSince = 0;
        long lastRelay = 0;
        int inFlight = -1;
        int pending = -1;
        while (System.nanoTime() < until) {
            inFlight = state.inFlight();
            pending = state.pendingEvents();
            long now = System.nanoTime();
            if (pending > 0) {
                pendingSince = pendingSince == 0 ? now : pendingSince;
                if (now - pendingSince > 5_000_000_000L && now - lastRelay > 10_000_000_000L) {
                    for (String relay : RELAYS) {
                        api.send("POST", "/local/invoke/" + relay, null, "{}");
                    }
                    lastRelay = now;
                }
            } else {
                pendingSince = 0;
            }
            quietPolls = inFlight == 0 && pending == 0 ? quietPolls + 1 : 0;
            if (quietPolls >= 3) {
                return null;
            }
            Thread.sleep(1_000);
        }
        return "not settled after " + options.quiescenceTimeout().toSeconds() + " s: " + inFlight
                + " message(s) still in consumer queues, " + pending + " item(s) with events in an outbox";
    }

    private Map<String, Long> faultCounts(ApiClient api) throws InterruptedException {
        ApiClient.Answer answer = api.send("GET", "/local/faults", null, null);
        Map<String, Long> counts = new LinkedHashMap<>();
        if (answer.status() == 200) {
            JSON.readTree(answer.body()).path("injected").properties()
                    .forEach(e -> counts.put(e.getKey(), e.getValue().asLong()));
        }
        return counts;
    }

    private static Map<String, Long> difference(Map<String, Long> after, Map<String, Long> before) {
        Map<String, Long> diff = new LinkedHashMap<>();
        after.forEach((kind, n) -> diff.put(kind, n - before.getOrDefault(kind, 0L)));
        return diff;
    }

    /** Acknowledged orders over the time from the start to the last acknowledgement. */
    private static double ordersPerSecond(Ledger ledger, Instant started) {
        Instant last = ledger.accounts.stream().flatMap(a -> a.ackedAt.values().stream()).max(Instant::compareTo)
                .orElse(started);
        double seconds = Duration.between(started, last).toMillis() / 1000.0;
        return seconds <= 0 ? 0 : ledger.ordersAcknowledged() / seconds;
    }
}
