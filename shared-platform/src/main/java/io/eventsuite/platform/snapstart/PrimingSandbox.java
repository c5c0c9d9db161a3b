package io.eventsuite.platform.snapstart;

/**
 * Runs SnapStart priming with every AWS call answered in memory, as a successful service would answer it, and none
 * sent: what lets an {@link InMemoryPrimingEvent} walk a success path with no side effect. Every call once
 * {@link #answerInMemory} has returned goes to AWS as usual.
 */
@FunctionalInterface
public interface PrimingSandbox {

    /** Runs {@code priming} with the AWS calls answered in memory (those of every thread: nothing else runs then). */
    void answerInMemory(Runnable priming);
}
