package io.eventsuite.adapters.messaging.resilience;

import java.util.Objects;
import java.util.function.Consumer;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * SDK v2 clients set up for Lambda and for {@link PublishingResilience}: the URL-connection HTTP client (lightest to
 * start), the SDK's own retries off (a retry strategy of one attempt: Resilience4j is the one retry layer, retries at
 * two layers multiply), and explicit timeouts ({@code apiCallAttemptTimeout} and {@code apiCallTimeout} at the
 * configured call timeout; each request then narrows {@code apiCallTimeout} to the invocation's remaining time).
 *
 * <p>In the services, Spring Cloud AWS builds the clients (region, credentials, endpoints) and applies these
 * settings through its client customizers (adapter-wiring's {@code AwsClientsConfiguration}); the factories here
 * build the same clients without Spring, for the tests, with region and credentials from the SDK's default chains.
 * Build clients once per execution environment, outside the handler.
 */
public final class LambdaSdkClients {

    private LambdaSdkClients() {
    }

    public static SnsClient sns(PublishingResilienceConfig config) {
        return configure(SnsClient.builder(), config, o -> { }).build();
    }

    public static SesV2Client sesV2(PublishingResilienceConfig config) {
        return configure(SesV2Client.builder(), config, o -> { }).build();
    }

    public static SqsClient sqs(PublishingResilienceConfig config) {
        return configure(SqsClient.builder(), config, o -> { }).build();
    }

    /** The HTTP client of a publishing client: URL connection, with the connect and call timeouts. */
    public static UrlConnectionHttpClient.Builder httpClient(PublishingResilienceConfig config) {
        return UrlConnectionHttpClient.builder()
                .connectionTimeout(config.connectTimeout())
                .socketTimeout(config.callTimeout());
    }

    /**
     * Applies the settings to any sync client builder, keeping the override configuration it already holds (such as
     * execution interceptors); set endpoint, region or credentials on it before or after.
     *
     * @param more further client settings (execution interceptors, metric publishers); they must not turn SDK
     *             retries back on
     */
    public static <B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>, C> B configure(
            B builder, PublishingResilienceConfig config, Consumer<ClientOverrideConfiguration.Builder> more) {
        Objects.requireNonNull(builder, "builder");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(more, "more");
        builder.httpClientBuilder(httpClient(config));
        // on top of what the builder already holds (Spring Cloud AWS's user agent, interceptors set before)
        ClientOverrideConfiguration.Builder override = builder.overrideConfiguration().toBuilder()
                // max 1 attempt: the SDK does not retry, PublishingResilience does
                .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(1).build())
                .apiCallAttemptTimeout(config.callTimeout())
                .apiCallTimeout(config.callTimeout());
        more.accept(override);
        builder.overrideConfiguration(override.build());
        return builder;
    }
}
