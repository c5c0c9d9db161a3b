package io.eventsuite.benchmarks.coldstart.snapstart;

/** A CRaC context of the stand-in implementation: resources register with it. */
public abstract class Context<R extends Resource> implements Resource {

    public abstract void register(R resource);
}
