package io.eventsuite.platform.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import io.eventsuite.platform.testing.ApiGatewayV2Events;
import io.eventsuite.platform.testing.SqsEvents;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The events read with Jackson 3 are the events the Lambda runtime's own serializer reads, field for field: the
 * shapes the tests send (a JWT authorizer's claims, a base64 body, a query, sam local's shape; SQS batches) and full
 * events with every part AWS may send (cookies, stage variables, mutual TLS, IAM and Lambda authorizers; SQS system
 * attributes, string and binary message attributes) and fields added later.
 */
class LambdaEventJsonTest {

    static Stream<String> httpApiEvents() {
        return Stream.of(
                ApiGatewayV2Events.request("GET", "/orders/{id}", "/orders/o-1").pathParameter("id", "o-1")
                        .as("user-1").query("limit", "5").toJson(),
                ApiGatewayV2Events.request("POST", "/orders", "/orders").asAdmin("admin-1")
                        .header("idempotency-key", "k-1").jsonBody("{\"lines\":[]}").toJson(),
                ApiGatewayV2Events.request("PUT", "/users/{id}", "/users/u-1").pathParameter("id", "u-1")
                        .as("u-1").verifiedEmail("a@example.com").base64Body("{\"name\":\"A\"}").toJson(),
                ApiGatewayV2Events.request("GET", "/orders", "/orders").anonymous().toJson(),
                ApiGatewayV2Events.request("GET", "/orders", "/orders").asSamLocalSends("Bearer x.y.z").toJson(),
                """
                {"version":"2.0","routeKey":"POST /orders","rawPath":"/prod/orders","rawQueryString":"a=1&a=2&b=x",
                 "cookies":["c1=v1","c2=v2"],"headers":{"content-type":"application/json","x-extra":"a,b"},
                 "queryStringParameters":{"a":"1,2","b":"x"},"pathParameters":{"id":"o-1"},
                 "stageVariables":{"stage":"prod"},"body":"eyJhIjoxfQ==","isBase64Encoded":true,
                 "requestContext":{"accountId":"123456789012","apiId":"api-id","domainName":"id.execute-api.eu-west-1.amazonaws.com",
                  "domainPrefix":"id","requestId":"req-1","routeKey":"POST /orders","stage":"prod",
                  "time":"12/Mar/2026:19:03:58 +0000","timeEpoch":1773342238000,
                  "authentication":{"clientCert":{"clientCertPem":"PEM","subjectDN":"CN=client","issuerDN":"CN=ca",
                   "serialNumber":"1","validity":{"notBefore":"May 28 12:30:02 2019 GMT","notAfter":"Aug  5 09:36:04 2021 GMT"}}},
                  "authorizer":{"jwt":{"claims":{"sub":"u-1","scope":"orders/write","cognito:groups":"[admin]"},
                   "scopes":["orders/write"]},"lambda":{"tenant":"t-1","level":3},
                   "iam":{"accessKey":"AKIA","accountId":"123456789012","callerId":"caller","principalOrgId":"o-1",
                    "userArn":"arn:aws:iam::123456789012:user/u","userId":"uid"}},
                  "http":{"method":"POST","path":"/prod/orders","protocol":"HTTP/1.1","sourceIp":"203.0.113.7",
                   "userAgent":"curl/8.5.0"},"unknownAddedByAws":{"x":1}},
                 "somethingNewAtTheTop":"ignored"}
                """);
    }

    static Stream<String> sqsEvents() {
        return Stream.of(
                twoRecords(),
                SqsEvents.batchFrom("EmptyQueue").toJson(),
                """
                {"Records":[{"messageId":"059f36b4-87a3-44ab-83d2-661975830a7d","receiptHandle":"AQEBwJnKyrHigUMZj6rYigCgxlaS3SLy0a",
                  "body":"test","attributes":{"ApproximateReceiveCount":"1","SentTimestamp":"1545082649183",
                   "SenderId":"AIDAIENQZJOLO23YVJ4VO","ApproximateFirstReceiveTimestamp":"1545082649185",
                   "AWSTraceHeader":"Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1"},
                  "messageAttributes":{"type":{"stringValue":"order.placed.v1","stringListValues":[],"binaryListValues":[],
                    "dataType":"String"},"blob":{"binaryValue":"AQID","stringListValues":[],"binaryListValues":[],
                    "dataType":"Binary"}},
                  "md5OfBody":"e4e68fb7bd0e697a0ae8f1bb342846b3","md5OfMessageAttributes":"00484c68",
                  "eventSource":"aws:sqs","eventSourceARN":"arn:aws:sqs:us-east-2:123456789012:my-queue",
                  "awsRegion":"us-east-2","addedLater":{"x":1}}]}
                """);
    }

    private static String twoRecords() {
        SqsEvents batch = SqsEvents.batchFrom("NotificationsQueue");
        batch.add("{\"a\":1}", Map.of("type", "order.placed.v1",
                "traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"));
        batch.add("{\"b\":2}");
        return batch.toJson();
    }

    @ParameterizedTest
    @MethodSource("httpApiEvents")
    void readsHttpApiEventsAsTheLambdaRuntimesSerializerDoes(String json) {
        APIGatewayV2HTTPEvent read = readsAsTheRuntime(json, APIGatewayV2HTTPEvent.class);

        assertThat(read.getRequestContext().getHttp().getMethod()).isIn("GET", "POST", "PUT");
    }

    @ParameterizedTest
    @MethodSource("sqsEvents")
    void readsSqsEventsAsTheLambdaRuntimesSerializerDoes(String json) {
        SQSEvent read = readsAsTheRuntime(json, SQSEvent.class);

        assertThat(read.getRecords()).allSatisfy(record ->
                assertThat(record.getEventSourceArn()).startsWith("arn:aws:sqs:"));
    }

    private static <T> T readsAsTheRuntime(String json, Class<T> type) {
        T expected = LambdaEventSerializers.serializerFor(type, LambdaEventJsonTest.class.getClassLoader())
                .fromJson(json);

        T read = LambdaEventJson.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), type);

        assertThat(read).usingRecursiveComparison().isEqualTo(expected);
        return read;
    }
}
