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

    private static final String USER_UPDATED = """
            {"specversion":"1.0","id":"e-3","source":"/eventsuite/user-service","type":"io.eventsuite.user.updated.v1",\
            "subject":"alice-sub","time":"2026-11-26T19:05:00Z","datacontenttype":"application/json",\
            "data":{"userId":"alice-sub","version":2,"displayName":"Alice","email":"alice@example.com",\
            "preferences":{"orderUpdates":true,"accountUpdates":false}}}""";

    @Test
    void an_event_from_a_newer_producer_with_an_added_optional_field_and_an_unknown_extension_is_read() {
        String evolved = USER_UPDATED
                .replace("\"subject\"", "\"partitionkey\":\"alice-sub\",\"dataschema\":\"urn:x\",\"subject\"")
                .replace("\"version\":2,", "\"version\":2,\"locale\":\"de-AT\",\"tags\":{\"vip\":true},")
                .replace("\"accountUpdates\":false}", "\"accountUpdates\":false,\"smsUpdates\":true}");

        DecodedEvent decoded = codec.decode(evolved);

        assertThat(decoded.envelope().data()).isEqualTo(codec.decode(USER_UPDATED).envelope().data());
        assertThat(decoded.envelope().id().value()).isEqualTo("e-3");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "\"version\":2,=>",
            "\"version\":2,=>\"version\":\"two\",",
            "\"email\":\"alice@example.com\",=>",
            "\"email\":\"alice@example.com\",=>\"email\":{\"address\":\"alice@example.com\"},",
            "\"preferences\":{\"orderUpdates\":true,=>\"preferences\":{",
            "\"userId\":\"alice-sub\",=>\"userId\":42,",
    })
    void a_required_data_field_that_is_missing_or_of_the_wrong_type_is_still_undecodable(String edit) {
        String[] fromTo = edit.split("=>", -1);
        String broken = USER_UPDATED.replace(fromTo[0], fromTo[1]);
        assertThat(broken).isNotEqualTo(USER_UPDATED);

        assertThatThrownBy(() -> codec.decode(broken)).isInstanceOf(UndecodableEvent.class);
    }

    @Test
    void a_required_attribute_that_is_missing_or_not_a_string_is_still_undecodable() {
        assertThatThrownBy(() -> codec.decode(VALID.replace("\"subject\":\"alice-sub\",", "")))
                .isInstanceOf(UndecodableEvent.class);
        assertThatThrownBy(() -> codec.decode(VALID.replace("\"id\":\"e-1\"", "\"id\":1")))
                .isInstanceOf(UndecodableEvent.class);
        assertThatThrownBy(() -> codec.decode(VALID.replace("\"time\":\"2026-11-26T19:03:58.390Z\"", "\"time\":\"yesterday\"")))
                .isInstanceOf(UndecodableEvent.class);
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
