package io.eventsuite.domain.event;

/**
 * Something that happened in one service that others may react to: the contract between the services.
 *
 * <p>Each event is a record of plain data with a versioned {@link #type()}; its JSON form is described by
 * the schema {@code schemas/<type>.json} in this module. Changing a record in a way old consumers cannot
 * read means a new type ({@code .v2}), never an edit of the old one.
 */
public sealed interface DomainEvent permits UserRegistered, UserUpdated, UserDeleted, OrderPlaced, OrderCancelled {

    /** The versioned CloudEvents type, such as {@code io.eventsuite.order.placed.v1}. */
    String type();

    /** The id of the aggregate the event is about (CloudEvents {@code subject}). */
    String subject();
}
