package io.eventsuite.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventsuite.domain.event.EventEnvelope;
import io.eventsuite.domain.testing.Fixtures;
import io.eventsuite.platform.json.StrictJson;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("CloudEvents codec")
class CloudEventCodecTest {

    private final CloudEventCodec codec = new CloudEventCodec(StrictJson.create().mapper());

    private static final String VALID = """
            {"specversion":"1.0","id":"e-1","source":"/eventsuite/user-service","type":"io.eventsuite.user.deleted.v1",\
            "subject":"alice-sub","time":"2026-11-26T19:03:58.390Z","datacontenttype":"application/json",\
            "data":{"userId":"alice-sub","version":2}}""";

    @Test
    void a_published_event_is_read_back_as_the_domain_event() {
        DecodedEvent decoded = codec.decode(VALID);

        assertThat(decoded.envelope().type()).isEqualTo("io.eventsuite.user.deleted.v1");
        assertThat(decoded.envelope().subject()).isEqualTo("alice-sub");
        assertThat(decoded.context()).isEqualTo(TransportContext.NONE);
    }

    @Test
    void an_encoded_event_carries_every_cloudevents_attribute() {
        EventEnvelope event = Fixtures.anEnvelope("e-2", Fixtures.anOrderPlacedFor(Fixtures.ALICE, "o-1"));

        String json = codec.encode(event, TransportContext.NONE);

        assertThat(json).contains("\"specversion\":\"1.0\"", "\"id\":\"e-2\"", "\"type\":\"io.eventsuite.order.placed.v1\"",
                "\"subject\":\"o-1\"", "\"datacontenttype\":\"application/json\"", "\"customerId\":\"alice-sub\"");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "",
            "not json",
            "[1,2,3]",
            "{\"specversion\":\"0.3\"}",
            "{\"specversion\":\"1.0\",\"type\":\"io.eventsuite.user.deleted.v1\"}",
    })
    void messages_that_are_not_our_cloudevents_are_undecodable(String message) {
        assertThatThrownBy(() -> codec.decode(message)).isInstanceOf(UndecodableEvent.class);
    }

    @Test
    void an_unknown_type_is_undecodable_and_named() {
        assertThatThrownBy(() -> codec.decode(VALID.replace("user.deleted.v1", "user.deleted.v9")))
                .isInstanceOf(UndecodableEvent.class).hasMessageContaining("user.deleted.v9");
    }

    @Test
    void data_the_domain_refuses_is_undecodable_without_quoting_it() {
        String personal = VALID.replace("\"data\":{\"userId\":\"alice-sub\"", "\"data\":{\"userId\":\"alice@secret\"");

        assertThatThrownBy(() -> codec.decode(personal))
                .isInstanceOf(UndecodableEvent.class)
                .hasMessageNotContaining("alice@secret");
    }

    @Test
    void an_unknown_attribute_or_data_field_is_undecodable() {
        assertThatThrownBy(() -> codec.decode(VALID.replace("\"subject\"", "\"extra\":1,\"subject\"")))
                .isInstanceOf(UndecodableEvent.class);
        assertThatThrownBy(() -> codec.decode(VALID.replace("{\"userId\":\"alice-sub\",",
                "{\"userId\":\"alice-sub\",\"admin\":true,"))).isInstanceOf(UndecodableEvent.class);
    }

    @Test
    void a_user_deletion_without_the_erasure_s_version_is_undecodable_rather_than_guessed() {
        assertThatThrownBy(() -> codec.decode(VALID.replace(",\"version\":2", "")))
                .isInstanceOf(UndecodableEvent.class);
    }

    @Test
    void an_invalid_traceparent_is_ignored_rather_than_trusted() {
        DecodedEvent decoded = codec.decode(VALID.replace("\"data\"", "\"traceparent\":\"00-zz-yy-01\",\"data\""));

        assertThat(decoded.context().traceparent()).isEmpty();
    }
}
