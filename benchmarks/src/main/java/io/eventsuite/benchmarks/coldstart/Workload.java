package io.eventsuite.benchmarks.coldstart;

import io.eventsuite.localcloud.provision.ProvisionedStack;
import io.eventsuite.localcloud.provision.Provisioner;
import java.util.Set;

/**
 * One function of the cold-start benchmark: the real Spring function (its logical id in template.yaml) and the
 * plain-Java handler doing the same SDK work, the data both need, a fresh event for each invocation (so that a second
 * invocation is new work, not an idempotent replay) and the check that an answer did the work.
 */
interface Workload {

    /** The name used in {@code functions=...} and in the table. */
    String id();

    /** The Spring function's logical id in template.yaml. */
    String function();

    /** The plain handler's class ({@code <class>::handleRequest}). */
    Class<?> plainHandler();

    /** The AWS SDK services whose clients the plain handler's package holds. */
    Set<String> sdkServices();

    /** Writes what the function reads, before any start; answers the events and the check. */
    Prepared prepare(Provisioner provisioner, ProvisionedStack stack);

    interface Prepared {

        /** The next invocation's event (new work each time). */
        byte[] nextEvent();

        /** A short description of the answer when it shows the work done; throws otherwise. */
        String check(String variant, String answer);
    }
}
