package io.eventsuite.benchmarks.load;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The run's figures and findings, printed for people (and copied into docs/benchmarks.md). */
final class LoadReport {

    private final PrintStream out;

    LoadReport(PrintStream out) {
        this.out = out;
    }

    void print(LoadOptions options, Ledger ledger, EffectsCheck.Verdict verdict, List<String> findings,
            List<Long> httpLatencies, double ordersPerSecond, Duration load, Duration settle,
            ProcessTreeSampler sampler, Map<String, Long> faults, ApiClient api) {
        long closed = ledger.accounts.stream().filter(Ledger.Account::deleted).count();
        out.println();
        out.println("=== load run " + ledger.runId + " ===");
        out.printf("users %d (%d closed their accounts), orders acknowledged %d, cancellations %d%n",
                options.users(), closed, ledger.ordersAcknowledged(), ledger.cancellationsAcknowledged());
        out.printf("load phase %.1f s, settling %.1f s%n", load.toMillis() / 1000.0, settle.toMillis() / 1000.0);
        out.printf("orders/s                  %.1f%n", ordersPerSecond);
        out.println("HTTP latency              " + Percentiles.ofNanos(httpLatencies).describe());
        out.println("order-to-notification     " + Percentiles.ofMillis(verdict.orderToNotificationMillis()).describe());
        out.println("deletion to erasure at    " + Percentiles.ofMillis(verdict.erasureLagMillis()).describe());
        out.println("  the notification service (204 to its recipient tombstone)");
        out.println("emails in erasure window  " + verdict.emailsInErasureWindowMillis().size() + " sent after a 204,"
                + " before the erasure arrived: " + Percentiles.ofMillis(verdict.emailsInErasureWindowMillis()).describe());
        out.println("client retries            " + api.retries() + " " + api.retriedBecause());
        if (sampler != null) {
            double cpu = sampler.cpuSeconds();
            double wall = (load.plus(settle)).toMillis() / 1000.0;
            out.printf("local cloud CPU           %.1f s (%.2f cores on average), peak memory %d MiB over up to %d "
                    + "processes%n", cpu, cpu / wall, sampler.peakRssBytes() / (1024 * 1024), sampler.peakProcesses());
        } else {
            out.println("local cloud CPU/memory    not measured (no LocalCloud process found on this machine)");
        }
        out.println("faults injected           " + faults);
        out.println("lost " + verdict.lost().size());
        verdict.lost().forEach(l -> out.println("  LOST    " + l));
        out.println("doubled " + verdict.doubled().size());
        verdict.doubled().forEach(d -> out.println("  DOUBLED " + d));
        out.println("other findings " + findings.size());
        findings.forEach(f -> out.println("  FOUND   " + f));
        if (!verdict.notes().isEmpty() || !ledger.anomalies.isEmpty()) {
            out.println("notes (not counted as lost or doubled)");
            verdict.notes().forEach(n -> out.println("  note    " + n));
            ledger.anomalies.forEach(a -> out.println("  client  " + a));
        }
        out.println(verdict.passed() && findings.isEmpty() ? "PASS: every effect exactly once"
                : "FAIL: see above");
    }
}
