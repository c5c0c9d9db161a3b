package io.eventsuite.benchmarks.warm;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import io.eventsuite.domain.common.EventId;
import io.eventsuite.domain.common.Money;
import io.eventsuite.domain.common.OrderId;
import io.eventsuite.domain.common.UserId;
import io.eventsuite.domain.event.EventEnvelope;
import io.eventsuite.domain.event.EventSources;
import io.eventsuite.domain.event.OrderPlaced;
import io.eventsuite.domain.idempotency.IdempotentExecution;
import io.eventsuite.domain.order.OrderLine;
import io.eventsuite.domain.testing.InMemoryIdempotencyStore;
import io.eventsuite.platform.events.CloudEventCodec;
import io.eventsuite.platform.events.TransportContext;
import io.eventsuite.platform.http.HttpFunction;
import io.eventsuite.platform.http.HttpResponse;
import io.eventsuite.platform.http.HttpRoutes;
import io.eventsuite.platform.observability.LambdaContexts;
import io.eventsuite.platform.http.RouteHandler;
import io.eventsuite.platform.json.StrictJson;
import io.eventsuite.platform.sqs.EventHandler;
import io.eventsuite.platform.sqs.Handling;
import io.eventsuite.platform.sqs.ProcessedEvents;
import io.eventsuite.platform.sqs.SqsBatchConsumers;
import io.eventsuite.platform.sqs.SqsConsumerFunction;
import io.eventsuite.platform.testing.ApiGatewayV2Events;
import io.eventsuite.platform.testing.FakeLambdaContext;
import io.eventsuite.platform.testing.SqsEvents;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shared layer's warm cost per invocation, beside the same trivial work done without it. Run through
 * {@link WarmOverheadBenchmarks} (settings there).
 *
 * <p>HTTP ({@code GET /orders/{id}} event, payload 2.0, JWT claims, as API Gateway sends it):
 * <ul>
 *   <li>{@code httpRoute}: {@link HttpRoutes#route} around a trivial {@link RouteHandler} answering
 *       {@code HttpResponse.ok({id, caller})}, applied to a pre-built {@code Message<InputStream>} (the stream is
 *       rewound each time) with the Lambda context header, as the Spring adapter hands it over: reading the event,
 *       claims, headers, log context, rendering;</li>
 *   <li>{@code httpDirect}: the same answer built directly from an already parsed event (same JSON mapper);</li>
 *   <li>{@code httpParseThenDirect}: parsing the bytes with Lambda's event serializer, then the same as httpDirect;
 *       so {@code httpRoute - httpParseThenDirect} is the adapter's own work beyond parsing.</li>
 * </ul>
 * SQS (a batch of 10 {@code OrderPlaced} CloudEvents, as the event source mapping delivers them, no-op handler):
 * <ul>
 *   <li>{@code sqsBatch}: {@link SqsBatchConsumers} (reading the batch's bytes, the stream rewound each time, as the
 *       adapter hands it over) with {@link ProcessedEvents} over an {@link IdempotentExecution} on
 *       the in-memory store; every event is new each time (the store's clock ticks past the 1 ns retention, so each
 *       claim starts afresh: claim, handle, complete per record), the path of a first delivery;</li>
 *   <li>{@code sqsBatchRedelivered}: the same batch when every event was already processed (replay, handler skipped);</li>
 *   <li>{@code sqsDecodeOnly}: from the batch already parsed (with Lambda's event serializer), decoding each record
 *       with the CloudEvent codec and calling the handler directly, building the batch response; so
 *       {@code sqsBatch - sqsDecodeOnly} is reading the batch, deduplication, log context and logs.</li>
 * </ul>
 * The DynamoDB idempotency store's round trips (two per record in AWS) are not in these figures.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SharedLayerBenchmark {

    /** The trivial result of the trivial route. */
    public record Answer(String id, String caller) {
    }

    /** Where the layer's log lines go ({@link LogOutput}); only the benchmarks that go through the layer take it. */
    @State(Scope.Benchmark)
    public static class Logs {

        @Param({LogOutput.OFF, LogOutput.JSON})
        public String logs;

        @Setup(Level.Trial)
        public void configure() {
            LogOutput.use(logs);
        }
    }

    @State(Scope.Thread)
    public static class Http {

        ByteArrayInputStream stream;
        Message<InputStream> message;
        HttpFunction route;
        APIGatewayV2HTTPEvent parsed;
        PojoSerializer<APIGatewayV2HTTPEvent> serializer;
        JsonMapper json;

        @Setup(Level.Trial)
        public void prepare() {
            String id = UUID.randomUUID().toString();
            byte[] event = ApiGatewayV2Events.request("GET", "/orders/{id}", "/orders/" + id).pathParameter("id", id)
                    .as("bench-user").toJson().getBytes(StandardCharsets.UTF_8);
            json = StrictJson.create().mapper();
            route = new HttpRoutes(json, 65_536).route(
                    request -> HttpResponse.ok(new Answer(request.pathParameter("id", s -> s),
                            request.caller().id().value())));
            stream = new ByteArrayInputStream(event);
            message = MessageBuilder.<InputStream>withPayload(stream)
                    .setHeader(LambdaContexts.HEADER, context()).build();
            serializer = LambdaEventSerializers.serializerFor(APIGatewayV2HTTPEvent.class,
                    SharedLayerBenchmark.class.getClassLoader());
            parsed = serializer.fromJson(new ByteArrayInputStream(event));
            APIGatewayV2HTTPResponse viaLayer = route.apply(message);
            APIGatewayV2HTTPResponse direct = direct(parsed);
            if (viaLayer.getStatusCode() != 200 || !direct.getBody().equals(viaLayer.getBody())) {
                throw new IllegalStateException("the two paths disagree: " + viaLayer + " vs " + direct);
            }
        }

        APIGatewayV2HTTPResponse direct(APIGatewayV2HTTPEvent event) {
            String caller = event.getRequestContext().getAuthorizer().getJwt().getClaims().get("sub");
            String id = event.getPathParameters().get("id");
            return APIGatewayV2HTTPResponse.builder().withStatusCode(200)
                    .withHeaders(Map.of("Content-Type", "application/json"))
                    .withBody(json.writeValueAsString(new Answer(id, caller)))
                    .withIsBase64Encoded(false)
                    .build();
        }
    }

    @State(Scope.Thread)
    public static class Sqs {

        static final EventHandler NO_OP = event -> Handling.done("nothing to do");

        ByteArrayInputStream stream;
        Message<InputStream> batch;
        SQSEvent parsed;
        SqsConsumerFunction fresh;
        SqsConsumerFunction redelivered;
        CloudEventCodec codec;

        @Setup(Level.Trial)
        public void prepare() {
            codec = new CloudEventCodec(StrictJson.create().mapper());
            SqsEvents events = SqsEvents.batchFrom("BenchmarkQueue");
            for (int i = 0; i < 10; i++) {
                EventEnvelope envelope = EventEnvelope.wrap(new EventId(UUID.randomUUID().toString()),
                        EventSources.ORDERS, Instant.now(), new OrderPlaced(new OrderId(UUID.randomUUID().toString()),
                                new UserId("bench-user"), List.of(new OrderLine("BOOK-1", 2, new Money(1250, "EUR"))),
                                new Money(2500, "EUR")));
                events.add(codec.encode(envelope, TransportContext.NONE), Map.of("type", envelope.type()));
            }
            parsed = LambdaEventSerializers.serializerFor(SQSEvent.class,
                    SharedLayerBenchmark.class.getClassLoader()).fromJson(events.toJson());
            stream = new ByteArrayInputStream(events.toJson().getBytes(StandardCharsets.UTF_8));
            batch = MessageBuilder.<InputStream>withPayload(stream).setHeader(LambdaContexts.HEADER, context()).build();
            fresh = consumer(new TickingClock(), Duration.ofNanos(1));
            redelivered = consumer(Clock.systemUTC(), Duration.ofHours(24));
            requireNoFailures(apply(fresh));
            requireNoFailures(apply(redelivered));
            requireNoFailures(apply(redelivered));
        }

        /** The batch as the adapter hands it over, the stream rewound. */
        SQSBatchResponse apply(SqsConsumerFunction consumer) {
            stream.reset();
            return consumer.apply(batch);
        }

        private SqsConsumerFunction consumer(Clock clock, Duration keepFor) {
            IdempotentExecution execution = new IdempotentExecution(new InMemoryIdempotencyStore(), clock,
                    Duration.ofMinutes(2), keepFor);
            return new SqsBatchConsumers(codec, new ProcessedEvents(execution))
                    .consumer("BenchmarkConsumer", Set.of(OrderPlaced.TYPE), NO_OP);
        }

        static void requireNoFailures(SQSBatchResponse response) {
            if (!response.getBatchItemFailures().isEmpty()) {
                throw new IllegalStateException("the batch had failures: " + response.getBatchItemFailures());
            }
        }
    }

    /**
     * Issue 7's warm cost: the same invocations with tracing and metrics {@code on} (as a function runs them, spans
     * exported to a counter) or {@code off}. Shaped like the write route and the consumer measured cold: a
     * {@code POST /orders} route whose handler makes PlaceOrder's five SDK calls' client spans, and a batch of one
     * record whose handler makes SendNotifications' eight (the calls themselves are not made: their round trips are
     * the same either way). Log lines off, so that only telemetry differs.
     */
    @State(Scope.Thread)
    public static class Telemetered {

        static final List<String> PLACE_ORDER_CALLS = List.of("DynamoDb.PutItem", "DynamoDb.PutItem",
                "Sns.PublishBatch", "DynamoDb.UpdateItem", "DynamoDb.UpdateItem");
        static final List<String> SEND_NOTIFICATIONS_CALLS = List.of("DynamoDb.PutItem", "DynamoDb.GetItem",
                "DynamoDb.GetItem", "DynamoDb.PutItem", "DynamoDb.GetItem", "Sqs.SendMessage", "DynamoDb.UpdateItem",
                "DynamoDb.UpdateItem");

        @Param({Telemetry.OFF, Telemetry.ON})
        public String telemetry;

        Telemetry on;
        ByteArrayInputStream stream;
        Message<InputStream> request;
        HttpFunction route;
        ByteArrayInputStream batchStream;
        Message<InputStream> batch;
        SqsConsumerFunction consumer;

        @Setup(Level.Trial)
        public void prepare() {
            LogOutput.use(LogOutput.OFF);
            on = new Telemetry(telemetry);
            JsonMapper json = StrictJson.create().mapper();
            byte[] event = ApiGatewayV2Events.request("POST", "/orders", "/orders").as("bench-user")
                    .header("Idempotency-Key", UUID.randomUUID().toString()).jsonBody("{\"sku\":\"BOOK-1\"}").toJson()
                    .getBytes(StandardCharsets.UTF_8);
            route = new HttpRoutes(json, 65_536, on.tracing, on.metrics).route(request -> {
                calls(PLACE_ORDER_CALLS);
                return HttpResponse.ok(new Answer("order-1", request.caller().id().value()));
            });
            stream = new ByteArrayInputStream(event);
            request = MessageBuilder.<InputStream>withPayload(stream).setHeader(LambdaContexts.HEADER, context()).build();

            CloudEventCodec codec = new CloudEventCodec(json);
            SqsEvents events = SqsEvents.batchFrom("NotificationsQueue");
            EventEnvelope envelope = EventEnvelope.wrap(new EventId(UUID.randomUUID().toString()), EventSources.ORDERS,
                    Instant.now(), new OrderPlaced(new OrderId(UUID.randomUUID().toString()), new UserId("bench-user"),
                            List.of(new OrderLine("BOOK-1", 2, new Money(1250, "EUR"))), new Money(2500, "EUR")));
            events.add(codec.encode(envelope, TransportContext.NONE), Map.of("type", envelope.type()));
            batchStream = new ByteArrayInputStream(events.toJson().getBytes(StandardCharsets.UTF_8));
            batch = MessageBuilder.<InputStream>withPayload(batchStream).setHeader(LambdaContexts.HEADER, context())
                    .build();
            IdempotentExecution execution = new IdempotentExecution(new InMemoryIdempotencyStore(), new TickingClock(),
                    Duration.ofMinutes(2), Duration.ofNanos(1));
            consumer = new SqsBatchConsumers(codec, new ProcessedEvents(execution), on.tracing, on.metrics)
                    .consumer("sendNotifications", Set.of(OrderPlaced.TYPE), e -> {
                        calls(SEND_NOTIFICATIONS_CALLS);
                        return Handling.done("sent");
                    });
            stream.reset();
            if (route.apply(request).getStatusCode() != 200) {
                throw new IllegalStateException("the route did not answer 200");
            }
            Sqs.requireNoFailures(applyConsumer());
            if (Telemetry.ON.equals(telemetry) && on.spansExported() != 1 + PLACE_ORDER_CALLS.size() + 1
                    + SEND_NOTIFICATIONS_CALLS.size()) {
                throw new IllegalStateException("expected a server span, a consumer span and a client span per call; "
                        + "exported " + on.spansExported());
            }
        }

        SQSBatchResponse applyConsumer() {
            batchStream.reset();
            return consumer.apply(batch);
        }

        private void calls(List<String> calls) {
            for (String call : calls) {
                int dot = call.indexOf('.');
                on.clientCall(call.substring(0, dot), call.substring(dot + 1), "Table");
            }
        }
    }

    @Benchmark
    public APIGatewayV2HTTPResponse placeOrderShapedRoute(Telemetered telemetered) {
        telemetered.stream.reset();
        return telemetered.route.apply(telemetered.request);
    }

    @Benchmark
    public SQSBatchResponse sendNotificationsShapedRecord(Telemetered telemetered) {
        return telemetered.applyConsumer();
    }

    @Benchmark
    public APIGatewayV2HTTPResponse httpRoute(Http http, Logs logs) {
        http.stream.reset();
        return http.route.apply(http.message);
    }

    @Benchmark
    public APIGatewayV2HTTPResponse httpDirect(Http http) {
        return http.direct(http.parsed);
    }

    @Benchmark
    public APIGatewayV2HTTPResponse httpParseThenDirect(Http http) {
        http.stream.reset();
        return http.direct(http.serializer.fromJson(http.stream));
    }

    @Benchmark
    public SQSBatchResponse sqsBatch(Sqs sqs, Logs logs) {
        return sqs.apply(sqs.fresh);
    }

    @Benchmark
    public SQSBatchResponse sqsBatchRedelivered(Sqs sqs, Logs logs) {
        return sqs.apply(sqs.redelivered);
    }

    @Benchmark
    public SQSBatchResponse sqsDecodeOnly(Sqs sqs) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (SQSEvent.SQSMessage record : sqs.parsed.getRecords()) {
            try {
                if (!(Sqs.NO_OP.handle(sqs.codec.decode(record.getBody()).envelope()) instanceof Handling.Done)) {
                    failures.add(new SQSBatchResponse.BatchItemFailure(record.getMessageId()));
                }
            } catch (RuntimeException failed) {
                failures.add(new SQSBatchResponse.BatchItemFailure(record.getMessageId()));
            }
        }
        return new SQSBatchResponse(failures);
    }

    /** A Lambda context whose deadline stays far away for the whole run. */
    static FakeLambdaContext context() {
        return new FakeLambdaContext(UUID.randomUUID().toString(), "SharedLayerBenchmark",
                System.currentTimeMillis() + TimeUnit.HOURS.toMillis(1));
    }

    /** A clock one microsecond further on each time it is read: every stored result has expired at the next look. */
    static final class TickingClock extends Clock {

        private long micros = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli() * 1000;

        @Override
        public Instant instant() {
            micros++;
            return Instant.EPOCH.plusNanos(micros * 1000);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }
}
