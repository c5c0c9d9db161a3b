package io.eventsuite.benchmarks.load;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where an order's time goes, hop by hop, read from the traces the functions sent to the local cloud's Zipkin:
 * for each sampled {@code POST /orders} (answered at its first attempt, so the client's time is one request's),
 * <ul>
 *   <li>before the function: the client's time minus PlaceOrder's server span (the gateway, waiting for a free
 *       environment, the runtime API, the event's way into the handler and the answer's way back);</li>
 *   <li>in PlaceOrder: its server span, split into its DynamoDB calls, its SNS publishes and the rest (JSON,
 *       the domain, Spring);</li>
 *   <li>in transit: from the end of the SNS publish to SendNotifications' consumer span (SNS to SQS, the queue,
 *       the event source's poll, waiting for a free environment);</li>
 *   <li>in SendNotifications: its consumer span for the order's record, split into DynamoDB and the email.</li>
 * </ul>
 * Traces without these spans (not yet exported, or a record redelivered) are counted and left out.
 */
final class HopBreakdown {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Hop name -> milliseconds, one sample per traced order; in the order they are printed. */
    private final Map<String, List<Double>> hops = new LinkedHashMap<>();
    private int incomplete;

    /** An empty breakdown; {@link #add} fills it one trace at a time. */
    HopBreakdown() {
        for (String hop : List.of("client's request, total", "before PlaceOrder (gateway, environment, runtime API)",
                "PlaceOrder, server span", "  PlaceOrder's DynamoDB calls", "  PlaceOrder's SNS publish",
                "  PlaceOrder's rest (JSON, domain, Spring)", "in transit (SNS, SQS, poll)",
                "SendNotifications, the order's record", "  SendNotifications' DynamoDB calls",
                "  SendNotifications' email (SES; captured to SQS here)", "201 to the email sent")) {
            hops.put(hop, new ArrayList<>());
        }
    }

    /**
     * Reads up to {@code sample} of the traced orders from Zipkin at {@code zipkin}.
     *
     * @return the breakdown, or what kept it from being made (Zipkin not answering)
     */
    static Result read(URI zipkin, List<Ledger.TracedOrder> orders, int sample) throws InterruptedException {
        HopBreakdown breakdown = new HopBreakdown();
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build()) {
            int step = Math.max(1, orders.size() / Math.max(1, sample));
            for (int i = 0; i < orders.size(); i += step) {
                Ledger.TracedOrder order = orders.get(i);
                HttpResponse<String> trace;
                try {
                    trace = http.send(HttpRequest.newBuilder(zipkin.resolve("/api/v2/trace/" + order.traceId()))
                            .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
                } catch (IOException e) {
                    return new Result(null, "Zipkin does not answer at " + zipkin + " (" + e.getClass().getSimpleName()
                            + "); start the local cloud with its Zipkin, or pass zipkin-port=0");
                }
                if (trace.statusCode() != 200) {
                    breakdown.incomplete++;
                    continue;
                }
                List<JsonNode> spans = new ArrayList<>();
                JSON.readTree(trace.body()).forEach(spans::add);
                breakdown.add(order, spans);
            }
        }
        return new Result(breakdown, null);
    }

    /** The breakdown, or why there is none. */
    record Result(HopBreakdown breakdown, String unavailable) {
    }

    /** Adds one order's trace (Zipkin v2 JSON spans). */
    void add(Ledger.TracedOrder order, List<JsonNode> spans) {
        Optional<JsonNode> server = first(spans, s -> "SERVER".equals(s.path("kind").asString())
                && "post /orders".equals(s.path("name").asString()));
        if (server.isEmpty()) {
            incomplete++;
            return;
        }
        List<JsonNode> placeOrderCalls = children(spans, server.get());
        List<JsonNode> publishes = ofService(placeOrderCalls, "sns");
        Optional<JsonNode> consumer = first(children(spans, server.get()).stream()
                .filter(s -> "CONSUMER".equals(s.path("kind").asString())).toList(), s -> true);
        if (publishes.isEmpty() || consumer.isEmpty()) {
            incomplete++;
            return;
        }
        double serverMillis = millis(server.get().path("duration"));
        double dynamo = sum(ofService(placeOrderCalls, "dynamodb"));
        double sns = sum(publishes);
        long publishedEnd = publishes.stream().mapToLong(s -> end(s)).max().orElseThrow();
        List<JsonNode> consumerCalls = children(spans, consumer.get());
        List<JsonNode> emails = ofService(consumerCalls, "sesv2");
        emails = emails.isEmpty() ? ofService(consumerCalls, "sqs") : emails;

        hops.get("client's request, total").add(order.clientMillis());
        hops.get("before PlaceOrder (gateway, environment, runtime API)").add(order.clientMillis() - serverMillis);
        hops.get("PlaceOrder, server span").add(serverMillis);
        hops.get("  PlaceOrder's DynamoDB calls").add(dynamo);
        hops.get("  PlaceOrder's SNS publish").add(sns);
        hops.get("  PlaceOrder's rest (JSON, domain, Spring)").add(serverMillis - dynamo - sns);
        hops.get("in transit (SNS, SQS, poll)").add((consumer.get().path("timestamp").asLong() - publishedEnd) / 1000.0);
        hops.get("SendNotifications, the order's record").add(millis(consumer.get().path("duration")));
        hops.get("  SendNotifications' DynamoDB calls").add(sum(ofService(consumerCalls, "dynamodb")));
        hops.get("  SendNotifications' email (SES; captured to SQS here)").add(sum(emails));
        if (!emails.isEmpty()) {
            hops.get("201 to the email sent").add((emails.stream().mapToLong(HopBreakdown::end).max().orElseThrow()
                    - end(server.get())) / 1000.0);
        }
    }

    void print(PrintStream out) {
        int traced = hops.get("client's request, total").size();
        out.printf("where an order's time goes (%d traces from Zipkin; %d without the spans needed):%n", traced,
                incomplete);
        hops.forEach((hop, samples) -> out.printf("  %-58s %s%n", hop, Percentiles.ofMillis(samples).describe()));
    }

    int traced() {
        return hops.get("client's request, total").size();
    }

    /** The samples of one hop (tests). */
    List<Double> samples(String hop) {
        return List.copyOf(hops.get(hop));
    }

    private static Optional<JsonNode> first(List<JsonNode> spans, java.util.function.Predicate<JsonNode> which) {
        return spans.stream().filter(which).min(Comparator.comparingLong(s -> s.path("timestamp").asLong()));
    }

    private static List<JsonNode> children(List<JsonNode> spans, JsonNode parent) {
        String id = parent.path("id").asString();
        return spans.stream().filter(s -> id.equals(s.path("parentId").asString())).toList();
    }

    /** Client spans are named {@code <service>.<operation>} ({@code AwsSdkSpans}; Zipkin lower-cases names). */
    private static List<JsonNode> ofService(List<JsonNode> spans, String service) {
        return spans.stream().filter(s -> "CLIENT".equals(s.path("kind").asString())
                && s.path("name").asString().toLowerCase(java.util.Locale.ROOT).startsWith(service + ".")).toList();
    }

    private static double sum(List<JsonNode> spans) {
        return spans.stream().mapToDouble(s -> millis(s.path("duration"))).sum();
    }

    private static long end(JsonNode span) {
        return span.path("timestamp").asLong() + span.path("duration").asLong();
    }

    /** Zipkin's times are microseconds. */
    private static double millis(JsonNode micros) {
        return micros.asLong() / 1000.0;
    }
}
