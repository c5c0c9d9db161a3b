package io.eventsuite.adapters.wiring;

import io.eventsuite.adapters.messaging.resilience.LambdaSdkClients;
import io.eventsuite.adapters.messaging.resilience.PublishingResilienceConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The AWS SDK clients, one of each per Lambda container (beans are lazy: a function builds only those it
 * uses). Region and credentials come from the SDK's default chains (in Lambda: {@code AWS_REGION} and the
 * execution role); endpoints from the SDK's standard {@code AWS_ENDPOINT_URL_<SERVICE>} variables, which
 * the local cloud sets to point the same artifact at its emulators. The URL-connection HTTP client starts
 * fastest. DynamoDB keeps the SDK's standard retries (its only retry layer); SNS, SES and SQS have SDK
 * retries off because Resilience4j retries them (see {@link PublishingResilienceConfig}). Every client makes a
 * span per call ({@link AwsSdkSpans}).
 */
@Configuration(proxyBeanMethods = false)
public class AwsClientsConfiguration {

    @Bean
    AwsSdkSpans awsSdkSpans(ObjectProvider<ObservationRegistry> registry) {
        return new AwsSdkSpans(registry.getIfAvailable(() -> ObservationRegistry.NOOP));
    }

    @Bean(destroyMethod = "close")
    DynamoDbClient dynamoDbClient(AwsSdkSpans spans) {
        return DynamoDbClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(o -> o.addExecutionInterceptor(spans)).build();
    }

    @Bean
    PublishingResilienceConfig publishingResilienceConfig() {
        return PublishingResilienceConfig.fromEnvironment();
    }

    @Bean(destroyMethod = "close")
    SnsClient snsClient(PublishingResilienceConfig config, AwsSdkSpans spans) {
        return LambdaSdkClients.configure(SnsClient.builder(), config, o -> o.addExecutionInterceptor(spans)).build();
    }

    @Bean(destroyMethod = "close")
    SesV2Client sesV2Client(PublishingResilienceConfig config, AwsSdkSpans spans) {
        return LambdaSdkClients.configure(SesV2Client.builder(), config, o -> o.addExecutionInterceptor(spans)).build();
    }

    @Bean(destroyMethod = "close")
    SqsClient sqsClient(PublishingResilienceConfig config, AwsSdkSpans spans) {
        return LambdaSdkClients.configure(SqsClient.builder(), config, o -> o.addExecutionInterceptor(spans)).build();
    }

    /**
     * Retry, breaker and outbox meters, kept in memory: each invocation writes the ones that matter as one
     * CloudWatch EMF log line ({@code InvocationMetrics}).
     */
    @Bean
    MeterRegistry meterRegistry() {
        return new SimpleMeterRegistry();
    }
}
