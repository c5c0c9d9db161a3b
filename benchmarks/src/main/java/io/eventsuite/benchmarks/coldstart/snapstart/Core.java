package io.eventsuite.benchmarks.coldstart.snapstart;

import java.util.ArrayList;
import java.util.List;

/**
 * A stand-in CRaC implementation for a JVM without CRaC, so that the benchmark can run a function's CRaC hooks in its
 * own JVM as SnapStart does. {@code org.crac} delegates to the implementation named by the system property
 * {@code org.crac.Core.Compat} (a package holding {@code Core}, {@code Context}, {@code Resource},
 * {@code CheckpointException} and {@code RestoreException}); without one it drops every registration. With
 * {@code -Dorg.crac.Core.Compat=io.eventsuite.benchmarks.coldstart.snapstart}, resources registered through
 * {@code org.crac.Core.getGlobalContext()} land here, and {@link #checkpointRestore()} calls their
 * {@code beforeCheckpoint} (last registered first) and then their {@code afterRestore} (first registered first), as
 * Lambda does around the snapshot. Nothing is snapshotted: the JVM simply goes on.
 */
public final class Core {

    private static final GlobalContext GLOBAL = new GlobalContext();

    private Core() {
    }

    public static Context<Resource> getGlobalContext() {
        return GLOBAL;
    }

    /**
     * Runs the hooks. A hook that fails is reported on standard error with its resource and does not stop the others;
     * then, as a failing hook fails the snapshot or the restore in Lambda, the call fails with every failure attached.
     * (It was tolerated once, and hid that Spring's own lifecycle resource could not restore: it asks for
     * {@code org.crac.management.CRaCMXBean}, which the old {@code io.github.crac:org-crac} 0.1.3 does not have.)
     */
    public static void checkpointRestore() throws CheckpointException, RestoreException {
        List<Resource> resources = GLOBAL.registered();
        List<Throwable> failures = new ArrayList<>();
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).beforeCheckpoint(GLOBAL);
            } catch (Exception | LinkageError failed) {
                report("beforeCheckpoint", resources.get(i), failed);
                failures.add(failed);
            }
        }
        if (!failures.isEmpty()) {
            CheckpointException checkpoint = new CheckpointException();
            failures.forEach(checkpoint::addSuppressed);
            throw checkpoint;
        }
        for (Resource resource : resources) {
            try {
                resource.afterRestore(GLOBAL);
            } catch (Exception | LinkageError failed) {
                report("afterRestore", resource, failed);
                failures.add(failed);
            }
        }
        if (!failures.isEmpty()) {
            RestoreException restore = new RestoreException();
            failures.forEach(restore::addSuppressed);
            throw restore;
        }
    }

    private static void report(String hook, Resource resource, Throwable failed) {
        Throwable cause = failed;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        System.err.println("SNAPSTART-BENCHMARK " + hook + " of " + resource + " failed: " + cause);
    }

    /** Holds registrations strongly (org.crac's wrapper holds the resource itself only weakly). */
    private static final class GlobalContext extends Context<Resource> {

        private final List<Resource> resources = new ArrayList<>();

        @Override
        public synchronized void register(Resource resource) {
            resources.add(resource);
        }

        synchronized List<Resource> registered() {
            return List.copyOf(resources);
        }

        @Override
        public void beforeCheckpoint(Context<? extends Resource> context) {
            throw new UnsupportedOperationException("the global context is not a resource");
        }

        @Override
        public void afterRestore(Context<? extends Resource> context) {
            throw new UnsupportedOperationException("the global context is not a resource");
        }
    }
}
