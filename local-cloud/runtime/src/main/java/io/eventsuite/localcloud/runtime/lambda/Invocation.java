package io.eventsuite.localcloud.runtime.lambda;

import java.util.concurrent.CompletableFuture;

/** One pending invocation: the event, its ids and deadline, and the answer the function will give. */
record Invocation(String requestId, byte[] event, long deadlineEpochMillis, String traceId,
        CompletableFuture<byte[]> answer) {
}
