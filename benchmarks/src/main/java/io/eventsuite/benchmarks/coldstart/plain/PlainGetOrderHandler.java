package io.eventsuite.benchmarks.coldstart.plain;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * The cold-start baseline: {@code GET /orders/{id}} as a plain-Java Lambda handler, no Spring, no shared layer. It does
 * the work {@code GetOrderFunction} does: reads the HTTP API (payload 2.0) event with the Lambda runtime's own event
 * serializer, takes the caller from the JWT authorizer's claims ({@code sub}, {@code cognito:groups}), reads the order
 * with one strongly consistent {@code GetItem} from {@code ORDERS_TABLE} (URL-connection HTTP client, region,
 * credentials and endpoint from the SDK's default chains, as the service's client), answers 404 when it is missing or
 * someone else's, and writes the order as JSON with its ETag.
 *
 * <p>Its deployment package is only this package's classes and its libraries (aws-lambda-java-events and
 * -serialization, the SDK's DynamoDB client and what it needs), see {@code PlainPackage}. Like the Spring function, it
 * builds its clients once per execution environment, during init.
 */
public final class PlainGetOrderHandler implements RequestStreamHandler {

    private static final PojoSerializer<APIGatewayV2HTTPEvent> EVENTS =
            LambdaEventSerializers.serializerFor(APIGatewayV2HTTPEvent.class, PlainGetOrderHandler.class.getClassLoader());
    private static final PojoSerializer<APIGatewayV2HTTPResponse> RESPONSES = LambdaEventSerializers.serializerFor(
            APIGatewayV2HTTPResponse.class, PlainGetOrderHandler.class.getClassLoader());
    private static final String TABLE = System.getenv("ORDERS_TABLE");
    private static final DynamoDbClient DYNAMO =
            DynamoDbClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).build();

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) {
        APIGatewayV2HTTPEvent event = EVENTS.fromJson(input);
        String correlationId = context != null ? context.getAwsRequestId() : null;
        RESPONSES.toJson(answer(event, correlationId), output);
    }

    static APIGatewayV2HTTPResponse answer(APIGatewayV2HTTPEvent event, String correlationId) {
        Map<String, String> claims = claims(event);
        String subject = claims.get("sub");
        if (subject == null || subject.isBlank()) {
            return problem(401, "unauthenticated", "the request carries no verified identity", correlationId);
        }
        boolean admin = claims.getOrDefault("cognito:groups", "").matches(".*\\badmin\\b.*");
        String id = event.getPathParameters() == null ? null : event.getPathParameters().get("id");
        if (id == null || !id.matches("[A-Za-z0-9_-]{1,128}")) {
            return problem(404, "not-found", "no order " + id, correlationId);
        }
        GetItemResponse found = DYNAMO.getItem(b -> b.tableName(TABLE).consistentRead(true)
                .key(Map.of("id", AttributeValue.fromS(id))));
        Map<String, AttributeValue> item = found.hasItem() ? found.item() : Map.of();
        if (item.isEmpty() || !(admin || subject.equals(string(item, "customerId")))) {
            return problem(404, "not-found", "no order " + id, correlationId);
        }
        Map<String, String> headers = headers(correlationId, "application/json");
        headers.put("ETag", "\"" + number(item, "version") + "\"");
        return APIGatewayV2HTTPResponse.builder().withStatusCode(200).withHeaders(headers).withBody(orderJson(item))
                .withIsBase64Encoded(false).build();
    }

    static Map<String, String> claims(APIGatewayV2HTTPEvent event) {
        var context = event.getRequestContext();
        if (context == null || context.getAuthorizer() == null || context.getAuthorizer().getJwt() == null
                || context.getAuthorizer().getJwt().getClaims() == null) {
            return Map.of();
        }
        return context.getAuthorizer().getJwt().getClaims();
    }

    /** The order as the service shows it (OrderBody): amounts in minor units, instants as ISO-8601. */
    static String orderJson(Map<String, AttributeValue> item) {
        StringBuilder json = new StringBuilder(512).append('{');
        field(json, "id", quote(string(item, "id"))).append(',');
        field(json, "customerId", quote(string(item, "customerId"))).append(',');
        field(json, "status", quote(string(item, "status"))).append(',');
        json.append("\"lines\":[");
        List<AttributeValue> lines = item.get("lines") == null ? List.of() : item.get("lines").l();
        for (int i = 0; i < lines.size(); i++) {
            Map<String, AttributeValue> line = lines.get(i).m();
            json.append(i == 0 ? "{" : ",{");
            field(json, "sku", quote(string(line, "sku"))).append(',');
            field(json, "quantity", number(line, "quantity")).append(',');
            field(json, "unitPrice", money(line.get("unitPrice"))).append('}');
        }
        json.append("],");
        field(json, "total", money(item.get("total"))).append(',');
        field(json, "version", number(item, "version")).append(',');
        field(json, "placedAt", quote(instant(item, "placedAt"))).append(',');
        field(json, "updatedAt", quote(instant(item, "updatedAt")));
        if (item.containsKey("cancellationReason")) {
            json.append(',');
            field(json, "cancellationReason", quote(string(item, "cancellationReason")));
        }
        return json.append('}').toString();
    }

    private static String money(AttributeValue value) {
        Map<String, AttributeValue> money = value == null ? Map.of() : value.m();
        return "{\"minorUnits\":" + number(money, "minorUnits") + ",\"currency\":" + quote(string(money, "currency"))
                + "}";
    }

    static APIGatewayV2HTTPResponse problem(int status, String type, String detail, String correlationId) {
        String body = "{\"type\":" + quote("urn:eventsuite:problem:" + type) + ",\"status\":" + status
                + ",\"detail\":" + quote(detail) + ",\"instance\":" + quote(String.valueOf(correlationId)) + "}";
        return APIGatewayV2HTTPResponse.builder().withStatusCode(status)
                .withHeaders(headers(correlationId, "application/problem+json")).withBody(body)
                .withIsBase64Encoded(false).build();
    }

    static Map<String, String> headers(String correlationId, String contentType) {
        Map<String, String> headers = new HashMap<>();
        headers.put("Content-Type", contentType);
        headers.put("Cache-Control", "no-store");
        headers.put("X-Content-Type-Options", "nosniff");
        if (correlationId != null) {
            headers.put("X-Correlation-Id", correlationId);
        }
        return headers;
    }

    private static StringBuilder field(StringBuilder json, String name, String value) {
        return json.append('"').append(name).append("\":").append(value);
    }

    private static String string(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    /** Stored sortable (fixed nanosecond digits); shown as {@link Instant#toString()}, as the service does. */
    private static String instant(Map<String, AttributeValue> item, String name) {
        String stored = string(item, name);
        return stored == null ? null : Instant.parse(stored).toString();
    }

    private static String number(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.n() == null ? "null" : value.n();
    }

    static String quote(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
