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
 * An SDK fault: DynamoDB has done the work and answered, but the answer is lost on the way back (a reset
 * connection). The interceptor throws after the response arrived, as an I/O failure would, so the SDK's own retry
 * sends the very same request again, which now meets the state its first attempt committed.
 */
final class LostResponses implements ExecutionInterceptor {

    private final Map<String, AtomicInteger> toLose = new ConcurrentHashMap<>();
    private final List<String> attempts = new CopyOnWriteArrayList<>();

    /** Loses the responses of the next {@code count} attempts of {@code operation} ("PutItem", "UpdateItem"...). */
    LostResponses lose(String operation, int count) {
        toLose.computeIfAbsent(operation, any -> new AtomicInteger()).addAndGet(count);
        return this;
    }

    /** Every attempt that reached DynamoDB, in order, retries included. */
    List<String> attempts() {
        return List.copyOf(attempts);
    }

    @Override
    public SdkHttpResponse modifyHttpResponse(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        attempts.add(operation);
        AtomicInteger remaining = toLose.get(operation);
        if (remaining != null && remaining.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw SdkClientException.builder().message("response lost (injected)")
                    .cause(new IOException("Connection reset")).build();
        }
        return context.httpResponse();
    }
}
