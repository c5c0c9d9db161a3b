package io.eventsuite.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The hop breakdown's arithmetic on one trace as Zipkin's v2 API returns it (times in microseconds). */
class HopBreakdownTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /*
     * PlaceOrder's server span from 1,000,000 µs for 100 ms: two PutItems (10 + 15 ms), one PublishBatch of 20 ms
     * ending at 1,080,000; SendNotifications' consumer span from 1,130,000 for 40 ms: a PutItem of 10 ms, the
     * captured email (an SQS SendMessage) of 5 ms ending at 1,165,000. The client waited 150 ms for the 201.
     */
    private static final String TRACE = """
            [
             {"traceId":"t1","id":"s","kind":"SERVER","name":"post /orders","timestamp":1000000,"duration":100000},
             {"traceId":"t1","id":"d1","parentId":"s","kind":"CLIENT","name":"dynamodb.putitem","timestamp":1010000,"duration":10000},
             {"traceId":"t1","id":"d2","parentId":"s","kind":"CLIENT","name":"dynamodb.putitem","timestamp":1030000,"duration":15000},
             {"traceId":"t1","id":"p","parentId":"s","kind":"CLIENT","name":"sns.publishbatch","timestamp":1060000,"duration":20000},
             {"traceId":"t1","id":"c","parentId":"s","kind":"CONSUMER","name":"eventsuite.sqs.message","timestamp":1130000,"duration":40000},
             {"traceId":"t1","id":"c1","parentId":"c","kind":"CLIENT","name":"dynamodb.putitem","timestamp":1135000,"duration":10000},
             {"traceId":"t1","id":"c2","parentId":"c","kind":"CLIENT","name":"sqs.sendmessage","timestamp":1160000,"duration":5000}
            ]""";

    @Test
    void splitsAnOrdersTimeIntoItsHops() {
        HopBreakdown hops = new HopBreakdown();

        hops.add(new Ledger.TracedOrder("t1", 150.0), spans(TRACE));

        assertThat(hops.traced()).isEqualTo(1);
        assertThat(hops.samples("before PlaceOrder (gateway, environment, runtime API)")).containsExactly(50.0);
        assertThat(hops.samples("PlaceOrder, server span")).containsExactly(100.0);
        assertThat(hops.samples("  PlaceOrder's DynamoDB calls")).containsExactly(25.0);
        assertThat(hops.samples("  PlaceOrder's SNS publish")).containsExactly(20.0);
        assertThat(hops.samples("  PlaceOrder's rest (JSON, domain, Spring)")).containsExactly(55.0);
        assertThat(hops.samples("in transit (SNS, SQS, poll)")).containsExactly(50.0);
        assertThat(hops.samples("SendNotifications, the order's record")).containsExactly(40.0);
        assertThat(hops.samples("  SendNotifications' DynamoDB calls")).containsExactly(10.0);
        assertThat(hops.samples("  SendNotifications' email (SES; captured to SQS here)")).containsExactly(5.0);
        assertThat(hops.samples("201 to the email sent")).containsExactly(65.0);
    }

    @Test
    void aTraceWithoutItsConsumerSpanIsCountedAsIncompleteAndLeftOut() {
        HopBreakdown hops = new HopBreakdown();
        List<JsonNode> withoutConsumer = new ArrayList<>(spans(TRACE));
        withoutConsumer.removeIf(s -> s.path("kind").asString().equals("CONSUMER"));

        hops.add(new Ledger.TracedOrder("t1", 150.0), withoutConsumer);

        assertThat(hops.traced()).isZero();
        assertThat(hops.samples("PlaceOrder, server span")).isEmpty();
    }

    private static List<JsonNode> spans(String json) {
        List<JsonNode> spans = new ArrayList<>();
        JSON.readTree(json).forEach(spans::add);
        return spans;
    }
}
