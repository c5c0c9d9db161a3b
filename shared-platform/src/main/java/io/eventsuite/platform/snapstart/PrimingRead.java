package io.eventsuite.platform.snapstart;

/**
 * A read a service performs before the SnapStart snapshot so that the snapshot holds a warm code path: the
 * SDK client's marshallers, signer and HTTP stack, the repository's mapping. It must have no side effect
 * (typically: look up an id that cannot exist, or a write the service refuses, such as a DynamoDB write whose
 * condition cannot hold or an SNS batch of no entries) and may fail harmlessly.
 */
@FunctionalInterface
public interface PrimingRead {

    void run();
}
