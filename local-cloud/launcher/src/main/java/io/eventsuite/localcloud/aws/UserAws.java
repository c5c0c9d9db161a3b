package io.eventsuite.localcloud.aws;

import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/**
 * The region and credentials of the user's own AWS setup, read as the AWS CLI and SDKs read them
 * ({@code AWS_REGION}, {@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY}/{@code AWS_SESSION_TOKEN},
 * {@code AWS_PROFILE} and {@code ~/.aws}), for endpoints of the user's.
 */
public final class UserAws {

    /** What LocalStack's and moto's documentation use; both accept any credentials. */
    static final AwsCredentialsProvider EMULATOR_CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));

    private UserAws() {
    }

    /** The region the AWS environment names, if it names one. */
    public static Optional<String> region() {
        try {
            return Optional.of(new DefaultAwsRegionProviderChain().getRegion().id());
        } catch (SdkClientException none) {
            return Optional.empty();
        }
    }

    /**
     * The credentials the AWS environment holds, resolved once; where it holds none, {@code test}/{@code test},
     * which LocalStack and moto accept (AWS itself then refuses them, and the endpoint probe says so).
     */
    public static AwsCredentialsProvider credentials() {
        try (DefaultCredentialsProvider chain = DefaultCredentialsProvider.builder().build()) {
            return StaticCredentialsProvider.create(chain.resolveCredentials());
        } catch (SdkClientException none) {
            return EMULATOR_CREDENTIALS;
        }
    }
}
