package io.eventsuite.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.eventsuite.domain.common.Caller;
import io.eventsuite.domain.common.Email;
import io.eventsuite.domain.event.EventEnvelope;
import io.eventsuite.domain.event.EventTypes;
import io.eventsuite.domain.order.CancelOrder;
import io.eventsuite.domain.order.CancelingOrder;
import io.eventsuite.domain.order.Order;
import io.eventsuite.domain.order.PlacingOrder;
import io.eventsuite.domain.testing.Fixtures;
import io.eventsuite.domain.testing.InMemoryOrders;
import io.eventsuite.domain.testing.InMemoryUsers;
import io.eventsuite.domain.testing.MutableClock;
import io.eventsuite.domain.testing.RecordingEventPublisher;
import io.eventsuite.domain.testing.SequentialIds;
import io.eventsuite.domain.user.DeletingUser;
import io.eventsuite.domain.user.RegisteringUser;
import io.eventsuite.domain.user.UpdateUser;
import io.eventsuite.domain.user.UpdatingUser;
import io.eventsuite.platform.json.StrictJson;
import io.eventsuite.platform.observability.TraceParent;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The contract between the services: every event the producers' use cases emit, encoded as it goes on the
 * wire, is valid against the JSON Schema of its type in shared-domain. A producer change that breaks a
 * consumer's expectations fails here.
 */
@DisplayName("produced events match their schemas")
class ProducedEventsMatchTheirSchemasTest {

    private static final JsonMapper JSON = StrictJson.create().mapper();
    private static final CloudEventCodec CODEC = new CloudEventCodec(JSON);
    private static final TransportContext TRACED = new TransportContext(
            TraceParent.parse("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"), Optional.of("corr-12345678"));
    private static List<EventEnvelope> produced;

    @BeforeAll
    static void runEveryProducingUseCase() {
        RecordingEventPublisher publisher = new RecordingEventPublisher();
        MutableClock clock = new MutableClock();
        SequentialIds ids = new SequentialIds();
        InMemoryUsers users = new InMemoryUsers();
        InMemoryOrders orders = new InMemoryOrders();
        new RegisteringUser(users, clock, ids, publisher).register(Fixtures.aliceRegistration());
        new UpdatingUser(users, clock, ids, publisher).update(Fixtures.alice().withVerifiedEmail(new Email("alice.l@example.com")),
                new UpdateUser(Fixtures.ALICE, 1,
                Optional.of("Alice L."), Optional.of(new Email("alice.l@example.com")), Optional.empty()));
        Order order = new PlacingOrder(orders, clock, ids, publisher)
                .place(Fixtures.anOrderOf(Fixtures.ALICE, Fixtures.aBook(), Fixtures.aBook()));
        new CancelingOrder(orders, clock, ids, publisher).cancel(Fixtures.alice(), new CancelOrder(order.id()));
        new DeletingUser(users, clock, ids, publisher).delete(Caller.user(Fixtures.ALICE), Fixtures.ALICE);
        produced = publisher.published();
    }

    @Test
    void every_event_type_is_produced_by_some_use_case() {
        assertThat(produced).extracting(EventEnvelope::type).containsExactlyInAnyOrderElementsOf(EventTypes.ALL);
    }

    @Test
    void every_produced_event_is_valid_against_the_schema_of_its_type() {
        for (EventEnvelope event : produced) {
            JsonNode wire = JSON.readTree(CODEC.encode(event, TRACED));

            assertThat(schemaOf(event.type()).validate(wire)).as(event.type()).isEmpty();
        }
    }

    @Test
    void events_without_trace_context_are_valid_too() {
        for (EventEnvelope event : produced) {
            assertThat(schemaOf(event.type()).validate(JSON.readTree(CODEC.encode(event, TransportContext.NONE))))
                    .as(event.type()).isEmpty();
        }
    }

    @Test
    void the_schemas_refuse_an_event_with_a_field_the_contract_does_not_have() {
        EventEnvelope event = produced.get(0);
        ObjectNode wire = (ObjectNode) JSON.readTree(CODEC.encode(event, TRACED));
        ((ObjectNode) wire.get("data")).put("passwordHash", "x");

        List<Error> errors = schemaOf(event.type()).validate(wire);

        assertThat(errors).isNotEmpty();
    }

    @Test
    void what_is_encoded_decodes_to_the_same_event_with_its_context() {
        for (EventEnvelope event : produced) {
            DecodedEvent decoded = CODEC.decode(CODEC.encode(event, TRACED));

            assertThat(decoded.envelope()).isEqualTo(event);
            assertThat(decoded.context()).isEqualTo(TRACED);
        }
    }

    private static Schema schemaOf(String type) {
        InputStream schema = EventTypes.class.getClassLoader().getResourceAsStream(EventTypes.schemaResource(type));
        assertThat(schema).as("schema of " + type).isNotNull();
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(schema);
    }
}
