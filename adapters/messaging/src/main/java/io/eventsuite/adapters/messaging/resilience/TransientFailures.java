package io.eventsuite.adapters.messaging.resilience;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;

/**
 * Which failures of an AWS call are worth another try, and count against the downstream's health: throttling, 5xx,
 * timeouts and I/O errors. A 4xx (topic not found, invalid parameter, message rejected, access denied) is the
 * caller's fault and fails the same way every time: never retried, and not held against the breaker.
 */
public final class TransientFailures {

    /** Throttling codes the SDK's own list lacks: SNS answers {@code Throttled} (429) and {@code KMSThrottling}. */
    private static final Set<String> MORE_THROTTLING_CODES = Set.of("Throttled", "KMSThrottling");

    private TransientFailures() {
    }

    public static boolean isTransient(Throwable failure) {
        if (failure instanceof TransientFailure) {
            return true;
        }
        if (failure instanceof SdkServiceException service) {
            return service.statusCode() >= 500
                    || service.statusCode() == 429
                    || service.isThrottlingException()
                    || service instanceof AwsServiceException aws && aws.awsErrorDetails() != null
                            && MORE_THROTTLING_CODES.contains(aws.awsErrorDetails().errorCode());
        }
        if (failure instanceof AbortedException) {
            return false; // the thread was interrupted: the invocation is ending, do not try again
        }
        if (failure instanceof ApiCallAttemptTimeoutException || failure instanceof ApiCallTimeoutException) {
            return true;
        }
        if (failure instanceof SdkClientException) {
            return causedByIo(failure);
        }
        return failure instanceof UncheckedIOException;
    }

    /** A short, log-safe description: exception type, AWS error code and HTTP status. Never the message text. */
    public static String describe(Throwable failure) {
        if (failure instanceof AwsServiceException aws && aws.awsErrorDetails() != null) {
            return aws.awsErrorDetails().errorCode() + " (HTTP " + aws.statusCode() + ")";
        }
        if (failure instanceof SdkServiceException service) {
            return failure.getClass().getSimpleName() + " (HTTP " + service.statusCode() + ")";
        }
        Throwable io = ioCause(failure);
        return io == null || io == failure
                ? failure.getClass().getSimpleName()
                : failure.getClass().getSimpleName() + " caused by " + io.getClass().getSimpleName();
    }

    private static boolean causedByIo(Throwable failure) {
        return ioCause(failure) != null;
    }

    private static Throwable ioCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IOException || t instanceof UncheckedIOException) {
                return t;
            }
        }
        return null;
    }

    /** A failure this module raises itself that is worth another try, such as batch entries SNS failed on its side. */
    public static class TransientFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public TransientFailure(String message) {
            super(message, null, false, false);
        }
    }
}
