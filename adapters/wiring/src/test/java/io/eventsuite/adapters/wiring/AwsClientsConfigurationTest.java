package io.eventsuite.adapters.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import io.awspring.cloud.autoconfigure.core.AwsAutoConfiguration;
import io.awspring.cloud.autoconfigure.core.CredentialsProviderAutoConfiguration;
import io.awspring.cloud.autoconfigure.core.RegionProviderAutoConfiguration;
import io.awspring.cloud.autoconfigure.dynamodb.DynamoDbAutoConfiguration;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.util.ClassUtils;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.AwsServiceClientConfiguration;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.SqsClient;

@DisplayName("AWS clients from Spring Cloud AWS, set up for a Lambda")
class AwsClientsConfigurationTest {

    private static final Map<String, String> LOCAL_CLOUD = Map.of(
            "AWS_REGION", "eu-west-3",
            "AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:8001",
            "AWS_ENDPOINT_URL_SNS", "http://127.0.0.1:8002",
            "AWS_ENDPOINT_URL_SQS", "http://127.0.0.1:8003");

    /** The Spring Cloud AWS auto-configurations the clients come from. */
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(RegionProviderAutoConfiguration.class,
                    CredentialsProviderAutoConfiguration.class, AwsAutoConfiguration.class,
                    DynamoDbAutoConfiguration.class))
            .withUserConfiguration(AwsClientsConfiguration.class);

    @Test
    void region_and_endpoints_come_from_the_variables_the_template_and_the_local_cloud_set() {
        runner.withInitializer(environment(LOCAL_CLOUD, Map.of())).run(context -> {
            assertThat(config(context, DynamoDbClient.class).region()).isEqualTo(Region.EU_WEST_3);
            assertThat(config(context, SnsClient.class).region()).isEqualTo(Region.EU_WEST_3);
            assertThat(config(context, SqsClient.class).region()).isEqualTo(Region.EU_WEST_3);
            assertThat(config(context, SesV2Client.class).region()).isEqualTo(Region.EU_WEST_3);
            assertThat(config(context, DynamoDbClient.class).endpointOverride())
                    .contains(URI.create("http://127.0.0.1:8001"));
            assertThat(config(context, SnsClient.class).endpointOverride())
                    .contains(URI.create("http://127.0.0.1:8002"));
            assertThat(config(context, SqsClient.class).endpointOverride())
                    .contains(URI.create("http://127.0.0.1:8003"));
            assertThat(config(context, SesV2Client.class).endpointOverride()).isEmpty();
        });
    }

    @Test
    void sam_local_passes_the_region_and_endpoints_as_system_properties_and_they_win() {
        Map<String, String> systemProperties = Map.of("aws.region", "us-east-2",
                "aws.endpointUrlDynamoDb", "http://127.0.0.1:9001", "aws.endpointUrlSns", "http://127.0.0.1:9002",
                "aws.endpointUrlSqs", "http://127.0.0.1:9003");

        runner.withInitializer(environment(LOCAL_CLOUD, systemProperties)).run(context -> {
            assertThat(config(context, DynamoDbClient.class).region()).isEqualTo(Region.US_EAST_2);
            assertThat(config(context, DynamoDbClient.class).endpointOverride())
                    .contains(URI.create("http://127.0.0.1:9001"));
            assertThat(config(context, SnsClient.class).endpointOverride())
                    .contains(URI.create("http://127.0.0.1:9002"));
            assertThat(config(context, SqsClient.class).endpointOverride())
                    .contains(URI.create("http://127.0.0.1:9003"));
        });
    }

    @Test
    void in_aws_no_endpoint_is_overridden() {
        runner.withInitializer(environment(Map.of("AWS_REGION", "eu-central-1"), Map.of())).run(context -> {
            assertThat(config(context, DynamoDbClient.class).endpointOverride()).isEmpty();
            assertThat(config(context, SnsClient.class).endpointOverride()).isEmpty();
            assertThat(config(context, SqsClient.class).endpointOverride()).isEmpty();
            assertThat(config(context, SesV2Client.class).region()).isEqualTo(Region.EU_CENTRAL_1);
        });
    }

    @Test
    void credentials_are_the_lambda_environments_session_credentials() {
        String[] keys = {"aws.accessKeyId", "aws.secretAccessKey", "aws.sessionToken"};
        Map<String, String> saved = new HashMap<>();
        for (String key : keys) {
            Optional.ofNullable(System.getProperty(key)).ifPresent(value -> saved.put(key, value));
        }
        System.setProperty("aws.accessKeyId", "AKIDLAMBDA");
        System.setProperty("aws.secretAccessKey", "lambda-secret");
        System.setProperty("aws.sessionToken", "lambda-session");
        try {
            runner.withInitializer(environment(LOCAL_CLOUD, Map.of())).run(context -> {
                assertThat(context).hasSingleBean(AwsCredentialsProvider.class);
                for (Class<? extends SdkClient> client : List.of(DynamoDbClient.class, SnsClient.class,
                        SqsClient.class, SesV2Client.class)) {
                    AwsCredentialsIdentity credentials = config(context, client).credentialsProvider()
                            .resolveIdentity().join();
                    assertThat(credentials).as(client.getSimpleName())
                            .isInstanceOfSatisfying(AwsSessionCredentialsIdentity.class, c -> {
                                assertThat(c.accessKeyId()).isEqualTo("AKIDLAMBDA");
                                assertThat(c.sessionToken()).isEqualTo("lambda-session");
                            });
                }
            });
        } finally {
            for (String key : keys) {
                if (saved.containsKey(key)) {
                    System.setProperty(key, saved.get(key));
                } else {
                    System.clearProperty(key);
                }
            }
        }
    }

    @Test
    void publishing_clients_make_one_attempt_per_call_within_the_call_timeout_and_dynamodb_keeps_sdk_retries() {
        Map<String, String> env = new HashMap<>(LOCAL_CLOUD);
        env.put("EVENTSUITE_PUBLISHING_CALL_TIMEOUT", "1500ms");

        runner.withInitializer(environment(env, Map.of())).run(context -> {
            for (Class<? extends SdkClient> publishing : List.of(SnsClient.class, SqsClient.class, SesV2Client.class)) {
                ClientOverrideConfiguration override = config(context, publishing).overrideConfiguration();
                assertThat(override.retryStrategy()).as(publishing.getSimpleName())
                        .hasValueSatisfying(retries -> assertThat(retries.maxAttempts()).isEqualTo(1));
                assertThat(override.apiCallTimeout()).as(publishing.getSimpleName()).contains(Duration.ofMillis(1500));
                assertThat(override.apiCallAttemptTimeout()).as(publishing.getSimpleName())
                        .contains(Duration.ofMillis(1500));
            }
            ClientOverrideConfiguration dynamo = config(context, DynamoDbClient.class).overrideConfiguration();
            assertThat(dynamo.retryStrategy()).hasValueSatisfying(retries ->
                    assertThat(retries.maxAttempts()).as("the SDK default for DynamoDB: 8 retries").isEqualTo(9));
            assertThat(dynamo.apiCallTimeout()).isEmpty();
        });
    }

    @Test
    void every_client_makes_a_span_per_call() {
        runner.withInitializer(environment(LOCAL_CLOUD, Map.of())).run(context -> {
            AwsSdkSpans spans = context.getBean(AwsSdkSpans.class);
            for (Class<? extends SdkClient> client : List.of(DynamoDbClient.class, SnsClient.class, SqsClient.class,
                    SesV2Client.class)) {
                assertThat(config(context, client).overrideConfiguration().executionInterceptors())
                        .as(client.getSimpleName()).containsOnlyOnce(spans);
            }
        });
    }

    @Test
    void nothing_of_spring_cloud_aws_sqs_listeners_or_its_ses_mail_sender_starts_in_a_lambda() {
        new ApplicationContextRunner().withUserConfiguration(EveryAutoConfiguration.class, AwsClientsConfiguration.class)
                .withPropertyValues("management.defaults.metrics.export.enabled=false")
                .withInitializer(environment(LOCAL_CLOUD, Map.of())).run(context -> {
            assertThat(context).doesNotHaveBean(SqsAsyncClient.class);
            assertThat(context).doesNotHaveBean("defaultSqsListenerContainerFactory");
            assertThat(context).doesNotHaveBean("sesClient");
            assertThat(context.getEnvironment().getProperty("spring.cloud.aws.sqs.enabled")).isEqualTo("false");
            assertThat(ClassUtils.isPresent("io.awspring.cloud.sqs.listener.SqsMessageListenerContainer", null))
                    .isFalse();
        });
    }

    @Test
    void no_netty_or_apache_http_client_is_on_the_classpath() {
        assertThat(List.of("software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient",
                "software.amazon.awssdk.http.apache.ApacheHttpClient",
                "software.amazon.awssdk.http.apache5.Apache5HttpClient",
                "org.apache.hc.client5.http.classic.HttpClient", "io.netty.channel.Channel"))
                .filteredOn(name -> ClassUtils.isPresent(name, null)).isEqualTo(List.of());
        assertThat(ClassUtils.isPresent("software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient", null))
                .isTrue();
    }

    /** Every auto-configuration on the classpath, found as a service's application finds them. */
    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class EveryAutoConfiguration {
    }

    private static AwsServiceClientConfiguration config(AssertableApplicationContext context,
            Class<? extends SdkClient> type) {
        return (AwsServiceClientConfiguration) context.getBean(type).serviceClientConfiguration();
    }

    /**
     * The process environment and system properties a function would see, in the order Spring reads them (system
     * properties first), replacing this JVM's own.
     */
    private static ApplicationContextInitializer<ConfigurableApplicationContext> environment(Map<String, String> env,
            Map<String, String> systemProperties) {
        return context -> {
            var sources = context.getEnvironment().getPropertySources();
            sources.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                    new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                            Map.copyOf(env)));
            sources.replace(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME,
                    new MapPropertySource(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME,
                            Map.copyOf(systemProperties)));
        };
    }
}
