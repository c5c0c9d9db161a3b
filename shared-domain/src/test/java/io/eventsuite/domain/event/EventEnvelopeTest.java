package io.eventsuite.domain.event;

import io.eventsuite.domain.common.EventId;
import io.eventsuite.domain.common.UserId;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventEnvelopeTest {

    private final Instant now = Instant.parse("2025-06-01T09:00:00Z");
    private final UserDeleted deleted = new UserDeleted(new UserId("alice"), 2);

    @Test
    void wrapping_an_event_takes_its_type_and_subject_from_the_data() {
        EventEnvelope envelope = EventEnvelope.wrap(new EventId("e-1"), EventSources.USERS, now, deleted);

        assertThat(envelope.type()).isEqualTo("io.eventsuite.user.deleted.v1");
        assertThat(envelope.subject()).isEqualTo("alice");
        assertThat(envelope.specversion()).isEqualTo("1.0");
        assertThat(envelope.datacontenttype()).isEqualTo("application/json");
    }

    @Test
    void an_envelope_whose_type_or_subject_disagrees_with_its_data_cannot_exist() {
        assertThatThrownBy(() -> new EventEnvelope(new EventId("e-1"), EventSources.USERS, UserRegistered.TYPE,
                "alice", now, deleted)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EventEnvelope(new EventId("e-1"), EventSources.USERS, UserDeleted.TYPE,
                "bob", now, deleted)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void every_type_is_versioned_and_listed_once_with_the_record_that_carries_it() {
        assertThat(EventTypes.ALL).doesNotHaveDuplicates().hasSize(DomainEvent.class.getPermittedSubclasses().length);
        for (Class<?> record : DomainEvent.class.getPermittedSubclasses()) {
            assertThat(EventTypes.ALL).anySatisfy(type ->
                    assertThat(EventTypes.dataClassOf(type)).contains(record.asSubclass(DomainEvent.class)));
        }
        assertThat(EventTypes.isKnown("io.eventsuite.order.shipped.v1")).isFalse();
        assertThat(EventTypes.dataClassOf(null)).isEmpty();
        assertThat(EventTypes.ALL).allMatch(type -> type.matches("io\\.eventsuite\\.[a-z]+\\.[a-z]+\\.v\\d+"));
    }
}
