package io.eventsuite.localcloud.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SqsEventTest {

    @Test
    void a_record_has_lambdas_fields_and_its_body_md5_when_none_was_given() {
        SqsEvent.Record record = new SqsEvent.Record("m-1", "rh-1", "hello", Map.of("ApproximateReceiveCount", "2"),
                Map.of("type", SqsEvent.MessageAttribute.string("io.eventsuite.user.deleted.v1")), null);

        JsonNode json = JsonMapper.builder().build().readTree(SqsEvent.json(List.of(record),
                "arn:aws:sqs:eu-west-1:123456789012:q", "eu-west-1")).path("Records").get(0);

        assertThat(json.path("md5OfBody").asString()).isEqualTo("5d41402abc4b2a76b9719d911017c592");
        assertThat(json.path("attributes").path("ApproximateReceiveCount").asString()).isEqualTo("2");
        assertThat(json.path("messageAttributes").path("type").path("stringValue").asString())
                .isEqualTo("io.eventsuite.user.deleted.v1");
        assertThat(json.path("messageAttributes").path("type").path("dataType").asString()).isEqualTo("String");
        assertThat(json.path("eventSource").asString()).isEqualTo("aws:sqs");
        assertThat(json.path("eventSourceARN").asString()).isEqualTo("arn:aws:sqs:eu-west-1:123456789012:q");
        assertThat(json.path("awsRegion").asString()).isEqualTo("eu-west-1");
    }
}
