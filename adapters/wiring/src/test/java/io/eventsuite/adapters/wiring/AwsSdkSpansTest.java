package io.eventsuite.adapters.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.common.KeyValue;
import io.eventsuite.platform.testing.RecordingObservations;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

@DisplayName("a span per AWS SDK call")
class AwsSdkSpansTest {

    private static final String EMAIL = "private.person@example.com";

    private final RecordingObservations observations = new RecordingObservations();
    private final ObservationRegistry registry = observations.registry();
    private final List<Observation.Context> stopped = observations.stopped();

    @Test
    void a_call_is_a_client_span_named_by_service_and_operation_with_the_table_name_and_nothing_of_the_item() {
        DynamoDbClient dynamo = client(200, "{}");

        dynamo.putItem(put -> put.tableName("users-dev").item(Map.of("id", AttributeValue.fromS("sub-1"),
                "email", AttributeValue.fromS(EMAIL))));

        Observation.Context span = stopped.getFirst();
        assertThat(span.getContextualName()).isEqualTo("DynamoDb.PutItem");
        assertThat(values(span)).containsEntry("rpc.system", "aws-api").containsEntry("rpc.method", "PutItem")
                .containsEntry("aws.dynamodb.table_names", "users-dev")
                .containsEntry("http.response.status_code", "200");
        assertThat(values(span).values()).noneMatch(v -> v.contains(EMAIL) || v.contains("sub-1"));
        assertThat(span.getError()).isNull();
    }

    @Test
    void a_failed_call_records_only_the_aws_error_code() {
        DynamoDbClient dynamo = client(400, """
                {"__type":"com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException",\
                "message":"The conditional request failed for %s"}""".formatted(EMAIL));

        assertThatThrownBy(() -> dynamo.putItem(put -> put.tableName("users-dev")
                .item(Map.of("id", AttributeValue.fromS("sub-1")))))
                .isInstanceOf(ConditionalCheckFailedException.class);

        Observation.Context span = stopped.getFirst();
        assertThat(values(span)).containsEntry("aws.error_code", "ConditionalCheckFailedException");
        assertThat(span.getError()).hasMessage("ConditionalCheckFailedException");
    }

    private DynamoDbClient client(int status, String body) {
        SdkHttpClient http = new SdkHttpClient() {
            @Override
            public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
                return new ExecutableHttpRequest() {
                    @Override
                    public HttpExecuteResponse call() {
                        return HttpExecuteResponse.builder()
                                .response(SdkHttpResponse.builder().statusCode(status)
                                        .putHeader("Content-Type", "application/x-amz-json-1.0").build())
                                .responseBody(AbortableInputStream.create(
                                        new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))))
                                .build();
                    }

                    @Override
                    public void abort() {
                    }
                };
            }

            @Override
            public void close() {
            }
        };
        return DynamoDbClient.builder().httpClient(http).region(Region.EU_WEST_1)
                .endpointOverride(URI.create("http://127.0.0.1:1"))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
                .overrideConfiguration(o -> o.addExecutionInterceptor(new AwsSdkSpans(registry))
                        .retryStrategy(r -> r.maxAttempts(1)))
                .build();
    }

    private static Map<String, String> values(Observation.Context context) {
        return StreamSupport.stream(context.getAllKeyValues().spliterator(), false)
                .collect(Collectors.toMap(KeyValue::getKey, KeyValue::getValue, (a, b) -> a));
    }
}
