package io.eventsuite.adapters.messaging.testing;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.awscore.AwsRequest;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Watches a real SDK client: each request as the caller built it, and each HTTP attempt the SDK makes. The requests
 * still go over the wire.
 */
public final class RecordingInterceptor implements ExecutionInterceptor {

    private final List<SdkRequest> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger attempts = new AtomicInteger();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        requests.add(context.request());
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        attempts.incrementAndGet();
    }

    /** Requests made by the caller (one per SDK call). */
    public List<SdkRequest> requests() {
        return List.copyOf(requests);
    }

    /** HTTP requests sent: with SDK retries off, one per SDK call. */
    public int attempts() {
        return attempts.get();
    }

    /** The {@code apiCallTimeout} the caller set on a request. */
    public static Optional<Duration> apiCallTimeout(SdkRequest request) {
        return ((AwsRequest) request).overrideConfiguration().flatMap(AwsRequestOverrideConfiguration::apiCallTimeout);
    }
}
