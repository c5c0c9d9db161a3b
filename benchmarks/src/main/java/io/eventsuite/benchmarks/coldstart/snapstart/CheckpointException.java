package io.eventsuite.benchmarks.coldstart.snapstart;

/** A {@code beforeCheckpoint} that failed (the stand-in's counterpart of CRaC's). */
public class CheckpointException extends Exception {

    public CheckpointException() {
        super("a resource failed before the checkpoint");
    }
}
