package io.eventsuite.adapters.messaging.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sesv2.model.MessageRejectedException;
import software.amazon.awssdk.services.sesv2.model.TooManyRequestsException;
import software.amazon.awssdk.services.sns.model.InternalErrorException;
import software.amazon.awssdk.services.sns.model.InvalidParameterException;
import software.amazon.awssdk.services.sns.model.NotFoundException;
import software.amazon.awssdk.services.sns.model.ThrottledException;

@DisplayName("Which AWS failures are retried")
class TransientFailuresTest {

    @Test
    void throttling_server_errors_timeouts_and_io_errors_are_transient() {
        assertThat(TransientFailures.isTransient(awsError(InternalErrorException.builder(), 500, "InternalError"))).isTrue();
        assertThat(TransientFailures.isTransient(awsError(ThrottledException.builder(), 400, "Throttled"))).isTrue();
        assertThat(TransientFailures.isTransient(awsError(TooManyRequestsException.builder(), 429, "TooManyRequestsException")))
                .isTrue();
        assertThat(TransientFailures.isTransient(awsError(AwsServiceException.builder(), 503, "ServiceUnavailable"))).isTrue();
        assertThat(TransientFailures.isTransient(ApiCallAttemptTimeoutException.create(2000))).isTrue();
        assertThat(TransientFailures.isTransient(SdkClientException.create("Unable to execute HTTP request",
                new ConnectException("Connection refused")))).isTrue();
    }

    @Test
    void client_errors_and_interruptions_are_not() {
        assertThat(TransientFailures.isTransient(awsError(NotFoundException.builder(), 404, "NotFound"))).isFalse();
        assertThat(TransientFailures.isTransient(awsError(InvalidParameterException.builder(), 400, "InvalidParameter")))
                .isFalse();
        assertThat(TransientFailures.isTransient(awsError(MessageRejectedException.builder(), 400, "MessageRejected")))
                .isFalse();
        assertThat(TransientFailures.isTransient(SdkClientException.create("Unable to load credentials"))).isFalse();
        assertThat(TransientFailures.isTransient(AbortedException.create("interrupted", new IOException()))).isFalse();
        assertThat(TransientFailures.isTransient(new IllegalStateException())).isFalse();
    }

    @Test
    void descriptions_carry_the_error_code_and_status_never_the_message_text() {
        AwsServiceException rejected = awsError(MessageRejectedException.builder(), 400, "MessageRejected");

        assertThat(TransientFailures.describe(rejected)).isEqualTo("MessageRejected (HTTP 400)");
    }

    private static AwsServiceException awsError(AwsServiceException.Builder builder, int status, String code) {
        return builder.statusCode(status)
                .message("Email address is not verified: alice@example.com")
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage("alice@example.com").build())
                .build();
    }
}
