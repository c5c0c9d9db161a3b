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
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

/**
 * The cold-start baseline for {@code POST /orders}: a plain-Java Lambda handler, no Spring, no shared layer, doing the
 * SDK work {@code PlaceOrderFunction} does on a new {@code Idempotency-Key}: claim the key (conditional PutItem on
 * {@code IDEMPOTENCY_TABLE}), write the order with its pending {@code order.placed.v1} CloudEvent in one item
 * (conditional PutItem on {@code ORDERS_TABLE}: the outbox), publish the event ({@code PublishBatch} to
 * {@code EVENTS_TOPIC_ARN}, with its {@code type} attribute), clear it from the item as the service does when it
 * publishes all its write left pending (one conditional UpdateItem removing the entry, the outbox state and the index
 * key), store the answer under the key (conditional UpdateItem) and answer 201 with the order: five round trips, as
 * the service makes. The request body is read with the Lambda
 * runtime's own POJO serializer; the event JSON is written by hand.
 */
public final class PlainPlaceOrderHandler implements RequestStreamHandler {

    /** The request body, as the Lambda runtime's serializer binds it. */
    public static final class OrderRequest {
        public List<Line> lines;
    }

    public static final class Line {
        public String sku;
        public Integer quantity;
        public Price unitPrice;
    }

    public static final class Price {
        public Long minorUnits;
        public String currency;
    }

    private static final ClassLoader LOADER = PlainPlaceOrderHandler.class.getClassLoader();
    private static final PojoSerializer<APIGatewayV2HTTPEvent> EVENTS =
            LambdaEventSerializers.serializerFor(APIGatewayV2HTTPEvent.class, LOADER);
    private static final PojoSerializer<APIGatewayV2HTTPResponse> RESPONSES =
            LambdaEventSerializers.serializerFor(APIGatewayV2HTTPResponse.class, LOADER);
    private static final PojoSerializer<OrderRequest> BODIES =
            LambdaEventSerializers.serializerFor(OrderRequest.class, LOADER);
    private static final String ORDERS = System.getenv("ORDERS_TABLE");
    private static final String TOPIC = System.getenv("EVENTS_TOPIC_ARN");
    private static final DynamoDbClient DYNAMO =
            DynamoDbClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    private static final SnsClient SNS =
            SnsClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    private static final PlainIdempotency IDEMPOTENCY = new PlainIdempotency(DYNAMO,
            System.getenv("IDEMPOTENCY_TABLE"), System.getenv("IDEMPOTENCY_KEY_PREFIX"));

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) {
        APIGatewayV2HTTPEvent event = EVENTS.fromJson(input);
        String correlationId = context != null ? context.getAwsRequestId() : null;
        RESPONSES.toJson(answer(event, correlationId), output);
    }

    static APIGatewayV2HTTPResponse answer(APIGatewayV2HTTPEvent event, String correlationId) {
        String subject = PlainGetOrderHandler.claims(event).get("sub");
        if (subject == null || subject.isBlank()) {
            return PlainGetOrderHandler.problem(401, "unauthenticated", "the request carries no verified identity",
                    correlationId);
        }
        String key = header(event, "idempotency-key");
        OrderRequest request = event.getBody() == null ? null : BODIES.fromJson(event.getBody());
        if (key == null || request == null || request.lines == null || request.lines.isEmpty()) {
            return PlainGetOrderHandler.problem(400, "validation-failed", "lines and Idempotency-Key are required",
                    correlationId);
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String recordKey = subject + "|POST /orders|" + key;
        String claim = IDEMPOTENCY.claim(recordKey, Integer.toHexString(event.getBody().hashCode()), now);

        String orderId = UUID.randomUUID().toString();
        Map<String, AttributeValue> order = order(orderId, subject, request, now);
        String placed = orderPlaced(orderId, subject, order, now);
        String eventId = orderId + "-placed";
        Map<String, AttributeValue> stored = new HashMap<>(order);
        stored.put("pendingEvents", AttributeValue.fromM(Map.of(eventId, AttributeValue.fromM(Map.of(
                "event", AttributeValue.fromS(placed))))));
        stored.put("outboxState", AttributeValue.fromS("PENDING"));
        stored.put("pendingSince", AttributeValue.fromS(now.toString()));
        DYNAMO.putItem(b -> b.tableName(ORDERS).item(stored).conditionExpression("attribute_not_exists(id)"));
        SNS.publishBatch(b -> b.topicArn(TOPIC).publishBatchRequestEntries(e -> e.id("e0").message(placed)
                .messageAttributes(Map.of("type", MessageAttributeValue.builder().dataType("String")
                        .stringValue("order.placed.v1").build()))));
        // The outbox clear in one step, as the service makes it when the map holds exactly what it published and
        // nothing is parked: the entry, the outbox state and the index key go together.
        DYNAMO.updateItem(b -> b.tableName(ORDERS).key(Map.of("id", AttributeValue.fromS(orderId)))
                .updateExpression("REMOVE pendingEvents.#e, outboxState, pendingSince")
                .conditionExpression("size(pendingEvents) = :one AND attribute_exists(pendingEvents.#e)"
                        + " AND (attribute_not_exists(parkedEvents) OR size(parkedEvents) = :zero)")
                .expressionAttributeNames(Map.of("#e", eventId))
                .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"),
                        ":zero", AttributeValue.fromN("0"))));

        String body = PlainGetOrderHandler.orderJson(order);
        Map<String, String> headers = PlainGetOrderHandler.headers(correlationId, "application/json");
        headers.put("Location", "/orders/" + orderId);
        headers.put("ETag", "\"1\"");
        IDEMPOTENCY.complete(recordKey, claim, "{\"status\":201,\"eventId\":\"" + eventId + "\",\"body\":"
                + PlainGetOrderHandler.quote(body) + "}", now);
        return APIGatewayV2HTTPResponse.builder().withStatusCode(201).withHeaders(headers).withBody(body)
                .withIsBase64Encoded(false).build();
    }

    private static Map<String, AttributeValue> order(String id, String customer, OrderRequest request, Instant now) {
        List<AttributeValue> lines = new ArrayList<>();
        long total = 0;
        String currency = null;
        for (Line line : request.lines) {
            total += line.unitPrice.minorUnits * line.quantity;
            currency = line.unitPrice.currency;
            lines.add(AttributeValue.fromM(Map.of("sku", AttributeValue.fromS(line.sku),
                    "quantity", AttributeValue.fromN(line.quantity.toString()),
                    "unitPrice", money(line.unitPrice.minorUnits, line.unitPrice.currency))));
        }
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("id", AttributeValue.fromS(id));
        item.put("customerId", AttributeValue.fromS(customer));
        item.put("status", AttributeValue.fromS("PLACED"));
        item.put("lines", AttributeValue.fromL(lines));
        item.put("total", money(total, currency));
        item.put("version", AttributeValue.fromN("1"));
        item.put("placedAt", AttributeValue.fromS(now.toString()));
        item.put("updatedAt", AttributeValue.fromS(now.toString()));
        return item;
    }

    private static AttributeValue money(long minorUnits, String currency) {
        return AttributeValue.fromM(Map.of("minorUnits", AttributeValue.fromN(Long.toString(minorUnits)),
                "currency", AttributeValue.fromS(currency)));
    }

    /** The CloudEvent as JSON, written by hand (the order's own JSON as its data). */
    private static String orderPlaced(String orderId, String customer, Map<String, AttributeValue> order, Instant now) {
        return "{\"specversion\":\"1.0\",\"id\":\"" + orderId + "-placed\",\"source\":\"eventsuite/orders\","
                + "\"type\":\"order.placed.v1\",\"subject\":\"" + orderId + "\",\"time\":\"" + now + "\","
                + "\"datacontenttype\":\"application/json\",\"customer\":" + PlainGetOrderHandler.quote(customer)
                + ",\"data\":" + PlainGetOrderHandler.orderJson(order) + "}";
    }

    private static String header(APIGatewayV2HTTPEvent event, String name) {
        if (event.getHeaders() == null) {
            return null;
        }
        return event.getHeaders().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }
}
