package io.eventsuite.benchmarks.coldstart.snapstart;

/**
 * The CRaC resource type of this package's stand-in CRaC implementation (see {@link Core}): {@code org.crac} wraps
 * each registered {@code org.crac.Resource} in a proxy of this interface.
 */
public interface Resource {

    void beforeCheckpoint(Context<? extends Resource> context) throws Exception;

    void afterRestore(Context<? extends Resource> context) throws Exception;
}
