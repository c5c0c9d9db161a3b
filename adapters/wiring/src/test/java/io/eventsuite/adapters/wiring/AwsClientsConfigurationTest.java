package io.eventsuite.adapters.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.awspring.cloud.autoconfigure.core.AwsAutoConfiguration;
import io.awspring.cloud.autoconfigure.core.CredentialsProviderAutoConfiguration;
import io.awspring.cloud.autoconfigure.core.RegionProviderAutoConfiguration;
import io.awspring.cloud.autoconfigure.dynamodb.DynamoDbAutoConfiguration;
import io.eventsuite.adapters.wiring.priming.PrimingItem;
import io.eventsuite.platform.snapstart.PrimingSandbox;
import io.eventsuite.platform.testing.CountingHttpServer;
import io.eventsuite.platform.testing.SystemProperties;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
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
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.PublishBatchRequestEntry;
import software.amazon.awssdk.services.sns.model.PublishBatchResponse;
import software.amazon.awssdk.services.sns.model.PublishBatchResultEntry;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

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
        SystemProperties.with(Map.of("aws.accessKeyId", "AKIDLAMBDA", "aws.secretAccessKey", "lambda-secret",
                "aws.sessionToken", "lambda-session"), () ->
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
            }));
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

    /**
     * SnapStart priming's sandbox, on the clients as built here: every call of a success path (DynamoDB reads and
     * writes, SNS publishes, an SQS message with attributes, an SES email) answered in memory, through the SDK's own
     * unmarshalling and checks; a counting server behind every endpoint sees none of them.
     */
    @Test
    void inside_the_priming_sandbox_every_success_path_call_is_answered_in_memory_and_none_is_sent() {
        Map<String, AttributeValue> order = Map.of("id", AttributeValue.fromS("snapstart-priming"),
                "lines", AttributeValue.fromL(List.of(AttributeValue.fromM(Map.of("sku", AttributeValue.fromS("A"),
                        "quantity", AttributeValue.fromN("2"))))), "tags", AttributeValue.fromSs(List.of("x", "y")),
                "paid", AttributeValue.fromBool(false), "note", AttributeValue.fromNul(true),
                "blob", AttributeValue.fromB(SdkBytes.fromUtf8String("bytes")));
        ApplicationContextRunner withTheOrder = runner.withBean(PrimingItem.class,
                () -> new PrimingItem("orders", order));
        onClientsAtACountingEndpoint(withTheOrder, (context, server) -> {
            DynamoDbClient dynamo = context.getBean(DynamoDbClient.class);
            SnsClient sns = context.getBean(SnsClient.class);
            context.getBean(PrimingSandbox.class).answerInMemory(() -> {
                dynamo.putItem(b -> b.tableName("orders").item(order).conditionExpression("attribute_not_exists(id)"));
                dynamo.updateItem(b -> b.tableName("orders").key(Map.of("id", AttributeValue.fromS("o-1")))
                        .updateExpression("REMOVE pending"));
                assertThat(dynamo.getItem(b -> b.tableName("orders")
                        .key(Map.of("id", AttributeValue.fromS("snapstart-priming")))).item()).isEqualTo(order);
                assertThat(dynamo.getItem(b -> b.tableName("orders")
                        .key(Map.of("id", AttributeValue.fromS("o-1")))).hasItem()).isFalse();
                assertThat(dynamo.getItem(b -> b.tableName("users")
                        .key(Map.of("id", AttributeValue.fromS("snapstart-priming")))).hasItem()).isFalse();
                assertThat(dynamo.query(b -> b.tableName("orders").keyConditionExpression("id = :id")
                        .expressionAttributeValues(Map.of(":id", AttributeValue.fromS("o-1")))).items()).isEmpty();

                PublishBatchResponse batch = sns.publishBatch(b -> b.topicArn(TOPIC).publishBatchRequestEntries(
                        PublishBatchRequestEntry.builder().id("e-1").message("{}").build(),
                        PublishBatchRequestEntry.builder().id("e-2").message("{}").build()));
                assertThat(batch.successful()).extracting(PublishBatchResultEntry::id).containsExactly("e-1", "e-2");
                assertThat(batch.failed()).isEmpty();
                assertThat(sns.publish(b -> b.topicArn(TOPIC).message("{}")).messageId()).isNotBlank();
                // the SQS client checks the body's and the attributes' MD5 against what it sent
                assertThat(context.getBean(SqsClient.class).sendMessage(b -> b.queueUrl(server.url() + "/1/q")
                        .messageBody("{\"to\":\"ana@example.com\"}").messageAttributes(Map.of("notificationId",
                                MessageAttributeValue.builder().dataType("String").stringValue("n-1").build())))
                        .messageId()).isNotBlank();
                assertThat(context.getBean(SesV2Client.class).sendEmail(b -> b.fromEmailAddress("a@example.com")
                        .destination(d -> d.toAddresses("b@example.com"))
                        .content(c -> c.simple(m -> m.subject(t -> t.data("s")).body(t -> t.text(x -> x.data("b"))))))
                        .messageId()).isNotBlank();
            });
            assertThat(server.requests()).isZero();
        });
    }

    /**
     * Inside the sandbox a call the priming makes from another thread is held back too (nothing else runs while
     * Lambda primes); once it has returned, every call goes to the network again.
     */
    @Test
    void calls_from_other_threads_are_held_back_too_and_calls_after_the_sandbox_go_to_the_network() {
        onClientsAtACountingEndpoint(runner, (context, server) -> {
            // SNS: one attempt per call (DynamoDB's client would retry the server's 500s with back-off)
            SnsClient sns = context.getBean(SnsClient.class);
            AtomicReference<String> fromAnotherThread = new AtomicReference<>();
            context.getBean(PrimingSandbox.class).answerInMemory(() -> {
                Thread other = Thread.ofPlatform().start(() ->
                        fromAnotherThread.set(sns.publish(b -> b.topicArn(TOPIC).message("{}")).messageId()));
                try {
                    other.join();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(fromAnotherThread.get()).isNotBlank();
            assertThat(server.requests()).as("inside the sandbox").isZero();

            assertThatThrownBy(() -> sns.publish(b -> b.topicArn(TOPIC).message("{}")))
                    .isInstanceOf(SdkException.class);
            assertThat(server.requests()).as("after the sandbox").isEqualTo(1);
        });
    }

    @Test
    void a_call_the_sandbox_cannot_answer_fails_and_is_not_sent() {
        onClientsAtACountingEndpoint(runner, (context, server) -> {
            DynamoDbClient dynamo = context.getBean(DynamoDbClient.class);
            context.getBean(PrimingSandbox.class).answerInMemory(() ->
                    assertThatThrownBy(() -> dynamo.deleteTable(b -> b.tableName("orders")))
                            .isInstanceOf(DynamoDbException.class)
                            .hasMessageContaining("not answered in SnapStart priming: DeleteTable"));
            assertThat(server.requests()).isZero();
        });
    }

    /** The clients as built here, every endpoint a counting server, with static credentials. */
    private static void onClientsAtACountingEndpoint(ApplicationContextRunner runner,
            BiConsumer<AssertableApplicationContext, CountingHttpServer> test) {
        try (CountingHttpServer server = new CountingHttpServer()) {
            SystemProperties.with(SystemProperties.STATIC_CREDENTIALS, () -> runner
                    .withInitializer(environment(server.endpoints(), Map.of()))
                    .run(context -> test.accept(context, server)));
        }
    }

    private static final String TOPIC = "arn:aws:sns:eu-west-3:000000000000:order-events";

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
