package io.eventsuite.localcloud.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.eventsuite.localcloud.LocalEmulators;
import io.eventsuite.localcloud.TestClients;
import io.eventsuite.localcloud.dynamodb.DynaliteEmulator;
import io.eventsuite.localcloud.sns.SnsStandIn;
import io.eventsuite.localcloud.sqs.SqsEmulator;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The fault proxy in front of the real dynalite and SNS stand-in, seen through the AWS SDK. */
@DisplayName("the fault proxy at the emulator edge")
class FaultProxyTest {

    private static DynaliteEmulator dynalite;
    private static DynamoDbClient direct;

    @BeforeAll
    static void start() {
        dynalite = DynaliteEmulator.start();
        direct = TestClients.dynamoDb(dynalite.endpoint());
        direct.createTable(b -> b.tableName("faulty").billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S)));
    }

    @AfterAll
    static void stop() {
        direct.close();
        dynalite.close();
    }

    @Test
    void at_rate_zero_every_call_passes_through_untouched() {
        List<String> log = new ArrayList<>();
        Faults faults = new Faults(FaultPlan.none(), log::add);
        try (FaultProxy proxy = FaultProxy.start(FaultProxy.Service.DYNAMODB, dynalite.endpoint(), faults);
             DynamoDbClient dynamo = withoutRetries(proxy.endpoint())) {
            dynamo.putItem(r -> r.tableName("faulty").item(Map.of("pk", s("through"), "v", s("1"))));

            assertThat(dynamo.getItem(r -> r.tableName("faulty").key(Map.of("pk", s("through")))).item())
                    .containsEntry("v", s("1"));
            assertThat(faults.counts()).containsEntry(FaultKind.DYNAMODB, 0L);
            assertThat(log).isEmpty();
        }
    }

    @Test
    void dynamodb_answers_with_aws_throttling_and_5xx_shapes_some_after_the_write_was_applied_each_counted() {
        List<String> log = new ArrayList<>();
        Faults faults = new Faults(FaultPlan.parse("dynamodb:1"), log::add);
        Set<String> codes = new HashSet<>();
        int calls = 40;
        try (FaultProxy proxy = FaultProxy.start(FaultProxy.Service.DYNAMODB, dynalite.endpoint(), faults);
             DynamoDbClient dynamo = withoutRetries(proxy.endpoint())) {
            for (int i = 0; i < calls; i++) {
                String key = "k-" + i;
                AwsServiceException e = catchThrowableOfType(AwsServiceException.class,
                        () -> dynamo.putItem(r -> r.tableName("faulty").item(Map.of("pk", s(key)))));
                codes.add(e.statusCode() + " " + e.awsErrorDetails().errorCode());
                if (e.statusCode() == 400) {
                    assertThat(e.isThrottlingException()).as("the SDK sees throttling").isTrue();
                }
            }
        }
        long applied = 0;
        for (int i = 0; i < calls; i++) {
            String key = "k-" + i;
            applied += direct.getItem(r -> r.tableName("faulty").key(Map.of("pk", s(key)))).hasItem() ? 1 : 0;
        }

        assertThat(codes).isSubsetOf("400 ProvisionedThroughputExceededException", "400 ThrottlingException",
                "500 InternalServerError", "503 ServiceUnavailable").hasSizeGreaterThan(2);
        assertThat(applied).as("a 500 may come after the write").isBetween(1L, calls - 1L);
        assertThat(faults.counts()).containsEntry(FaultKind.DYNAMODB, (long) calls);
        assertThat(log).hasSize(calls).allMatch(line -> line.startsWith("[fault] dynamodb #"))
                .anyMatch(line -> line.contains("on PutItem"));
    }

    @Test
    void sns_answers_with_its_own_throttling_and_5xx_errors() {
        try (SqsEmulator sqs = SqsEmulator.start();
             SqsClient delivery = LocalEmulators.sqsClient(sqs.endpoint(), TestClients.REGION);
             SnsStandIn sns = SnsStandIn.start(delivery, TestClients.REGION);
             SnsClient admin = TestClients.sns(sns.endpoint())) {
            String topic = admin.createTopic(r -> r.name("events")).topicArn();
            Faults faults = new Faults(FaultPlan.parse("sns:1"), line -> { });
            Set<String> codes = new HashSet<>();
            try (FaultProxy proxy = FaultProxy.start(FaultProxy.Service.SNS, sns.endpoint(), faults);
                 SnsClient client = TestClients.snsWithoutRetries(proxy.endpoint())) {
                for (int i = 0; i < 20; i++) {
                    AwsServiceException e = catchThrowableOfType(AwsServiceException.class,
                            () -> client.publish(r -> r.topicArn(topic).message("{}")));
                    codes.add(e.statusCode() + " " + e.awsErrorDetails().errorCode());
                }
            }

            assertThat(codes).isSubsetOf("429 Throttled", "500 InternalError", "503 ServiceUnavailable")
                    .contains("429 Throttled");
            assertThat(faults.counts()).containsEntry(FaultKind.SNS, 20L);
        }
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static DynamoDbClient withoutRetries(URI endpoint) {
        return DynamoDbClient.builder().endpointOverride(endpoint).region(Region.of(TestClients.REGION))
                .credentialsProvider(LocalEmulators.CREDENTIALS).httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
    }
}
