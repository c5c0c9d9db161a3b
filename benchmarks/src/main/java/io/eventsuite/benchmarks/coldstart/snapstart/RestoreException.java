package io.eventsuite.benchmarks.coldstart.snapstart;

/** An {@code afterRestore} that failed (the stand-in's counterpart of CRaC's). */
public class RestoreException extends Exception {

    public RestoreException() {
        super("a resource failed after the restore");
    }
}
