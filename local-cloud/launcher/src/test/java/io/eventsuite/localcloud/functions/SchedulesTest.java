package io.eventsuite.localcloud.functions;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsuite.localcloud.template.SamTemplate;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SchedulesTest {

    @Test
    void rate_expressions_have_periods_and_the_event_is_eventbridges_scheduled_event() {
        assertThat(Schedules.period("rate(1 minute)")).isEqualTo(Duration.ofMinutes(1));
        assertThat(Schedules.period("rate(2 hours)")).isEqualTo(Duration.ofHours(2));
        assertThat(Schedules.period("cron(0 12 * * ? *)")).isNull();

        SamTemplate.Schedule schedule = new SamTemplate.Schedule("RelayOrderEventsFunction", "EveryMinute",
                "rate(1 minute)", true, null);
        JsonNode event = JsonMapper.builder().build().readTree(
                Schedules.event(schedule, "us-east-1", Instant.parse("2026-11-26T10:00:00.123Z")));

        assertThat(event.path("detail-type").asString()).isEqualTo("Scheduled Event");
        assertThat(event.path("source").asString()).isEqualTo("aws.events");
        assertThat(event.path("time").asString()).isEqualTo("2026-11-26T10:00:00Z");
        assertThat(event.path("resources").get(0).asString())
                .isEqualTo("arn:aws:events:us-east-1:000000000000:rule/RelayOrderEventsFunctionEveryMinute");
        assertThat(event.path("detail").isObject()).isTrue();
    }
}
