package io.eventsuite.adapters.dynamodb;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * Faults injected into the SDK's pipeline, as an {@link ExecutionInterceptor} of a client with the standard retries.
 *
 * <ul>
 *   <li>A lost response: DynamoDB has done the work and answered, but the answer is lost on the way back (a reset
 *       connection). Thrown after the response arrived, as an I/O failure would, so the SDK's own retry sends the
 *       very same request again, which now meets the state its first attempt committed.</li>
 *   <li>An unreachable service: the attempt fails before it is sent, so nothing is written.</li>
 * </ul>
 */
final class SdkFaults implements ExecutionInterceptor {

    private final Map<String, AtomicInteger> toLose = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> toRefuse = new ConcurrentHashMap<>();
    private final List<String> attempts = new CopyOnWriteArrayList<>();

    /** Loses the responses of the next {@code count} attempts of {@code operation} ("PutItem", "UpdateItem"...). */
    SdkFaults loseResponses(String operation, int count) {
        toLose.computeIfAbsent(operation, any -> new AtomicInteger()).addAndGet(count);
        return this;
    }

    /** Fails the next {@code count} attempts of {@code operation} before they are sent. */
    SdkFaults failBeforeSending(String operation, int count) {
        toRefuse.computeIfAbsent(operation, any -> new AtomicInteger()).addAndGet(count);
        return this;
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        if (isDue(toRefuse, attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME))) {
            throw SdkClientException.builder().message("unable to connect (injected)")
                    .cause(new IOException("Connection refused")).build();
        }
    }

    /** Every attempt that reached DynamoDB, in order, retries included. */
    List<String> attempts() {
        return List.copyOf(attempts);
    }

    @Override
    public SdkHttpResponse modifyHttpResponse(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        attempts.add(operation);
        if (isDue(toLose, operation)) {
            throw SdkClientException.builder().message("response lost (injected)")
                    .cause(new IOException("Connection reset")).build();
        }
        return context.httpResponse();
    }

    private static boolean isDue(Map<String, AtomicInteger> faults, String operation) {
        AtomicInteger remaining = faults.get(operation);
        return remaining != null && remaining.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
    }
}
