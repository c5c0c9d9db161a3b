package io.eventsuite.adapters.wiring;

import io.awspring.cloud.autoconfigure.AwsClientCustomizer;
import io.awspring.cloud.autoconfigure.AwsClientProperties;
import io.awspring.cloud.autoconfigure.AwsSyncClientCustomizer;
import io.awspring.cloud.autoconfigure.core.AwsClientBuilderConfigurer;
import io.awspring.cloud.autoconfigure.core.AwsConnectionDetails;
import io.eventsuite.adapters.messaging.resilience.LambdaSdkClients;
import io.eventsuite.adapters.messaging.resilience.PublishingResilienceConfig;
import io.eventsuite.adapters.wiring.priming.InMemoryAwsAnswers;
import io.eventsuite.adapters.wiring.priming.InMemoryPrimingTransport;
import io.eventsuite.adapters.wiring.priming.PrimingItem;
import io.eventsuite.platform.snapstart.PrimingSandbox;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.util.stream.Stream;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.PropertySource;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The AWS SDK clients, built by Spring Cloud AWS: one of each per Lambda container, lazily (a function builds only
 * those it uses). Region and endpoints are Spring Cloud AWS properties ({@code spring.cloud.aws.region.static},
 * {@code spring.cloud.aws.<service>.endpoint}), mapped in {@code eventsuite-aws-clients.properties} from the
 * variables Lambda, the template and the local cloud set ({@code AWS_REGION}, {@code AWS_ENDPOINT_URL_<SERVICE>},
 * or their {@code aws.*} system properties under {@code sam local}).
 *
 * <p>Spring Cloud AWS's auto-configuration builds the {@code DynamoDbClient}. Its SNS starter brings what a publisher
 * does not use ({@code SnsTemplate}, HTTP-endpoint notification handling, whose AOT hints need spring-web, and
 * Apache HttpClient 5), its SQS side is the async client and {@code @SqsListener} containers (a Lambda's event source
 * mapping polls, nothing here may) and its SES side the v1 client behind a {@code MailSender}, so the sync
 * {@link SnsClient}, {@link SqsClient} and {@link SesV2Client} are built here with the same
 * {@link AwsClientBuilderConfigurer} (same region, credentials, endpoint properties and customizers). The customizers: every client gets the URL-connection HTTP client (starts fastest; set
 * explicitly, so the SDK does no service-loader search for one) and a span per call ({@link AwsSdkSpans});
 * DynamoDB keeps the SDK's retries (its only retry layer); SNS, SES and SQS get one attempt per call and the call
 * timeouts of {@link PublishingResilienceConfig}, because Resilience4j retries them ({@link LambdaSdkClients}).
 */
@Configuration(proxyBeanMethods = false)
@PropertySource("classpath:eventsuite-aws-clients.properties")
@EnableConfigurationProperties({AwsClientsConfiguration.SnsClientProperties.class,
        AwsClientsConfiguration.SqsClientProperties.class, AwsClientsConfiguration.SesV2ClientProperties.class})
@Import(PublishingResilienceConfiguration.class)
public class AwsClientsConfiguration {

    @Bean
    AwsSdkSpans awsSdkSpans(ObjectProvider<ObservationRegistry> registry) {
        return new AwsSdkSpans(registry.getIfAvailable(() -> ObservationRegistry.NOOP));
    }

    /**
     * Where a function's credentials are, and only there: system properties ({@code sam local}, the tests), the
     * environment (Lambda's execution role), the container endpoint (Lambda under SnapStart). Replaces Spring Cloud
     * AWS's default, the SDK's full default chain, which would also look for profile files, web identity and EC2
     * instance metadata.
     */
    @Bean
    AwsCredentialsProvider lambdaCredentialsProvider() {
        return AwsCredentialsProviderChain.builder().reuseLastProviderEnabled(true).credentialsProviders(
                SystemPropertyCredentialsProvider.create(), EnvironmentVariableCredentialsProvider.create(),
                ContainerCredentialsProvider.create()).build();
    }

    /**
     * Every sync client: the URL-connection HTTP client (answering in memory only inside the priming sandbox), and a
     * span per call. DynamoDB gets nothing more.
     */
    @Bean
    AwsSyncClientCustomizer lambdaSyncClients(AwsSdkSpans spans) {
        return builder -> {
            builder.httpClientBuilder(InMemoryPrimingTransport.around(UrlConnectionHttpClient.builder()));
            // Every SDK sync client builder is an SdkClientBuilder; AwsSyncClientBuilder just does not say so.
            SdkClientBuilder<?, ?> client = (SdkClientBuilder<?, ?>) builder;
            client.overrideConfiguration(client.overrideConfiguration().toBuilder().addExecutionInterceptor(spans)
                    .build());
        };
    }

    /**
     * For SnapStart priming: the calls of a function's success path answered in memory while the priming runs, so
     * that an {@code InMemoryPrimingEvent} walks that path with no side effect; GetItem finds the service's
     * {@link PrimingItem}s.
     */
    @Bean
    PrimingSandbox primingSandbox(ObjectProvider<PrimingItem> items) {
        return new InMemoryAwsAnswers(items.orderedStream().toList());
    }

    @Bean(destroyMethod = "close")
    SnsClient snsClient(AwsClientBuilderConfigurer configurer, SnsClientProperties properties,
            ObjectProvider<AwsConnectionDetails> connectionDetails, ObjectProvider<AwsSyncClientCustomizer> common,
            PublishingResilienceConfig config) {
        return publishingClient(SnsClient.builder(), configurer, properties, connectionDetails, common, config);
    }

    @Bean(destroyMethod = "close")
    SqsClient sqsClient(AwsClientBuilderConfigurer configurer, SqsClientProperties properties,
            ObjectProvider<AwsConnectionDetails> connectionDetails, ObjectProvider<AwsSyncClientCustomizer> common,
            PublishingResilienceConfig config) {
        return publishingClient(SqsClient.builder(), configurer, properties, connectionDetails, common, config);
    }

    @Bean(destroyMethod = "close")
    SesV2Client sesV2Client(AwsClientBuilderConfigurer configurer, SesV2ClientProperties properties,
            ObjectProvider<AwsConnectionDetails> connectionDetails, ObjectProvider<AwsSyncClientCustomizer> common,
            PublishingResilienceConfig config) {
        return publishingClient(SesV2Client.builder(), configurer, properties, connectionDetails, common, config);
    }

    /** A client Resilience4j retries: Spring Cloud AWS's settings and customizers, then one attempt per call. */
    private static <B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>, C> C publishingClient(B builder,
            AwsClientBuilderConfigurer configurer, AwsClientProperties properties,
            ObjectProvider<AwsConnectionDetails> connectionDetails, ObjectProvider<AwsSyncClientCustomizer> common,
            PublishingResilienceConfig config) {
        // Spring Cloud AWS applies this after the common customizer: its HTTP client (with timeouts) is the one kept.
        AwsClientCustomizer<B> publishing = b -> LambdaSdkClients.configure(b, config, override -> { })
                .httpClientBuilder(InMemoryPrimingTransport.around(LambdaSdkClients.httpClient(config)));
        return configurer.configureSyncClient(builder, properties, connectionDetails.getIfAvailable(),
                Stream.of(publishing), common.orderedStream()).build();
    }

    /**
     * Retry, breaker and outbox meters, kept in memory: each invocation writes the ones that matter as one
     * CloudWatch EMF log line ({@code InvocationMetrics}).
     */
    @Bean
    MeterRegistry meterRegistry() {
        return new SimpleMeterRegistry();
    }

    /** {@code spring.cloud.aws.sns.endpoint} and {@code .region}, as Spring Cloud AWS's SNS starter would read them. */
    @ConfigurationProperties("spring.cloud.aws.sns")
    public static class SnsClientProperties extends AwsClientProperties {
    }

    /** {@code spring.cloud.aws.sqs.endpoint} and {@code .region}, as Spring Cloud AWS's SQS starter would read them. */
    @ConfigurationProperties("spring.cloud.aws.sqs")
    public static class SqsClientProperties extends AwsClientProperties {
    }

    /** {@code spring.cloud.aws.ses.endpoint} and {@code .region}, as Spring Cloud AWS's SES starter would read them. */
    @ConfigurationProperties("spring.cloud.aws.ses")
    public static class SesV2ClientProperties extends AwsClientProperties {
    }
}
