package io.eventsuite.localcloud.aws;

import io.eventsuite.localcloud.LocalEmulators;
import java.net.URI;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Where the template's resources live and how the launcher reaches them: a region, credentials and an endpoint
 * per service (an embedded emulator's, or one the user runs). The one place the launcher's own SDK clients are
 * built.
 */
public record AwsAccount(String region, AwsCredentialsProvider credentials, Map<AwsService, URI> endpoints) {

    public AwsAccount {
        endpoints = Map.copyOf(endpoints);
    }

    /**
     * The embedded emulators, with the credentials every emulator accepts; a service whose emulator was not started
     * (it runs elsewhere) has no endpoint here.
     */
    public static AwsAccount embedded(LocalEmulators emulators) {
        Map<AwsService, URI> endpoints = new EnumMap<>(AwsService.class);
        if (emulators.dynamodb() != null) {
            endpoints.put(AwsService.DYNAMODB, emulators.dynamodb().endpoint());
        }
        if (emulators.sns() != null) {
            endpoints.put(AwsService.SNS, emulators.sns().endpoint());
        }
        if (emulators.sqs() != null) {
            endpoints.put(AwsService.SQS, emulators.sqs().endpoint());
        }
        return new AwsAccount(emulators.region(), LocalEmulators.CREDENTIALS, endpoints);
    }

    public URI endpoint(AwsService service) {
        URI endpoint = endpoints.get(service);
        if (endpoint == null) {
            throw new IllegalStateException("no endpoint for " + service.displayName());
        }
        return endpoint;
    }

    public DynamoDbClient dynamoDb() {
        return configure(DynamoDbClient.builder(), AwsService.DYNAMODB, Duration.ofSeconds(30), true).build();
    }

    public SnsClient sns() {
        return configure(SnsClient.builder(), AwsService.SNS, Duration.ofSeconds(30), true).build();
    }

    /**
     * SQS as the event source mappings use it: no SDK retries (the poller polls again), a socket timeout above the
     * long poll's 20 s.
     */
    public SqsClient sqs() {
        return configure(SqsClient.builder(), AwsService.SQS, Duration.ofSeconds(30), false).build();
    }

    /** A client of the service that gives up quickly: for asking whether an endpoint answers at all. */
    <B extends AwsSyncClientBuilder<B, ?> & AwsClientBuilder<B, ?>> B probing(B builder, AwsService service) {
        return configure(builder, service, Duration.ofSeconds(5), false);
    }

    private <B extends AwsSyncClientBuilder<B, ?> & AwsClientBuilder<B, ?>> B configure(B builder,
            AwsService service, Duration socketTimeout, boolean sdkRetries) {
        builder.endpointOverride(endpoint(service)).region(Region.of(region)).credentialsProvider(credentials)
                .httpClientBuilder(UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(2))
                        .socketTimeout(socketTimeout));
        if (!sdkRetries) {
            builder.overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()));
        }
        return builder;
    }
}
