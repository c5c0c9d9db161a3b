package io.eventsuite.localcloud.runtime;

/**
 * Invokes a Lambda function with an event, the way the Lambda service does: bytes in, bytes out. A thrown
 * exception stands for a function error (the invocation failed as a whole).
 */
@FunctionalInterface
public interface LambdaInvoker {

    byte[] invoke(byte[] event) throws Exception;
}
