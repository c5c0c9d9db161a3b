package io.eventsuite.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import io.eventsuite.platform.testing.ApiGatewayV2Events;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The events read with Jackson 3 are the events the Lambda runtime's own serializer reads, field for field: the
 * shapes the tests send (a JWT authorizer's claims, a base64 body, a query, sam local's shape) and a full event
 * with every part API Gateway may send (cookies, stage variables, mutual TLS, an IAM authorizer).
 */
class ApiGatewayEventsTest {

    private static final PojoSerializer<APIGatewayV2HTTPEvent> RUNTIME_SERIALIZER =
            LambdaEventSerializers.serializerFor(APIGatewayV2HTTPEvent.class, ApiGatewayEventsTest.class.getClassLoader());

    static Stream<String> events() {
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

    @ParameterizedTest
    @MethodSource("events")
    void readsEveryFieldAsTheLambdaRuntimesSerializerDoes(String json) {
        APIGatewayV2HTTPEvent expected = RUNTIME_SERIALIZER.fromJson(json);

        APIGatewayV2HTTPEvent read = ApiGatewayEvents.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));

        assertThat(read).usingRecursiveComparison().isEqualTo(expected);
        assertThat(read.getRequestContext().getHttp().getMethod()).isEqualTo(expected.getRequestContext().getHttp()
                .getMethod()).isNotNull();
    }
}
