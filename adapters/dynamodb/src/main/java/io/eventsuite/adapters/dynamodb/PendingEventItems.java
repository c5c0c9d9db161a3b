package io.eventsuite.adapters.dynamodb;

import io.eventsuite.domain.event.EventEnvelope;
import io.eventsuite.platform.events.CloudEventCodec;
import io.eventsuite.platform.events.TransportContext;
import io.eventsuite.platform.outbox.PendingEventsFull;
import io.eventsuite.platform.outbox.StoredEvent;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The outbox inside an aggregate's item: {@code pendingEvents} maps each event id to
 * {@code {type, cloudEvent, seq}}; while it holds anything, {@code outboxState = "PENDING"} and {@code pendingSince}
 * put the item into the sparse {@code pending-events} index.
 *
 * <p>Every item written through {@link #newItemAttributes} holds the map, empty or not, because an update can
 * only add an entry to a map that exists. {@code seq} orders the events: the write's latest event time in
 * microseconds times 1000 plus the position in the write. Writes of one aggregate are serialized by their
 * version condition and each takes its time after the previous one committed, so this is the order they
 * happened in unless two hosts' clocks disagree by more than the time between two writes; consumers do not
 * depend on order anyway (they deduplicate by id, and user events carry versions).
 */
final class PendingEventItems {

    static final String PENDING_EVENTS = "pendingEvents";
    static final String OUTBOX_STATE = "outboxState";
    static final String PENDING_SINCE = "pendingSince";
    static final String PENDING = "PENDING";
    /** The outbox state of an item holding parked events and nothing left to relay. */
    static final String PARKED = "PARKED";
    /** Events parked after too many refusals, by event id, each entry as it was pending (with its refusals). */
    static final String PARKED_EVENTS = "parkedEvents";
    static final String TYPE = "type";
    static final String CLOUD_EVENT = "cloudEvent";
    static final String SEQ = "seq";
    /** How often SNS refused the event as the sender's fault (absent: never). */
    static final String REFUSALS = "refusals";
    /**
     * At most this many unpublished events in one item. An event is at most about 6 KB (an order of 50 lines), so
     * the outbox stays far below DynamoDB's 400 KB item limit, and yet an aggregate can change 50 times while SNS is
     * down before its writes are refused ({@link PendingEventsFull}).
     */
    static final int MAX_PENDING_PER_ITEM = 50;
    private static final int MAX_EVENTS_PER_WRITE = 1000;
    private static final Instant LAST_MICROS = Instant.parse("9999-12-31T23:59:59Z");

    private final CloudEventCodec codec;
    private final Supplier<TransportContext> context;

    PendingEventItems(CloudEventCodec codec, Supplier<TransportContext> context) {
        this.codec = Objects.requireNonNull(codec, "codec");
        this.context = Objects.requireNonNull(context, "context");
    }

    /** The outbox attributes of a brand-new item: the map (possibly empty) and, with events, the index keys. */
    Map<String, AttributeValue> newItemAttributes(List<EventEnvelope> pending) {
        if (pending.size() > MAX_PENDING_PER_ITEM) {
            throw new PendingEventsFull(MAX_PENDING_PER_ITEM);
        }
        Map<String, AttributeValue> attributes = new LinkedHashMap<>();
        attributes.put(PENDING_EVENTS, AttributeValue.fromM(encode(pending)));
        if (!pending.isEmpty()) {
            attributes.put(OUTBOX_STATE, AttributeValue.fromS(PENDING));
            attributes.put(PENDING_SINCE, Attributes.instant(oldest(pending)));
        }
        return attributes;
    }

    /**
     * Adds the events to the item's existing map in the same update, keeping whatever is already pending;
     * {@code pendingSince} keeps the older value when there is one. The update then requires room for them
     * ({@link Expressions#conditionWith}); after a refused write, {@link #refuseIfFull} tells whether that was why.
     */
    void addTo(Expressions update, List<EventEnvelope> pending) {
        if (pending.size() > MAX_PENDING_PER_ITEM) {
            throw new PendingEventsFull(MAX_PENDING_PER_ITEM);
        }
        encode(pending).forEach((eventId, stored) -> update.setEntry(PENDING_EVENTS, eventId, stored));
        if (!pending.isEmpty()) {
            String map = update.name(PENDING_EVENTS);
            update.require("attribute_not_exists(" + map + ") OR size(" + map + ") <= "
                    + update.value(Attributes.n(MAX_PENDING_PER_ITEM - pending.size())));
            update.set(OUTBOX_STATE, AttributeValue.fromS(PENDING));
            update.setIfAbsent(PENDING_SINCE, Attributes.instant(oldest(pending)));
        }
    }

    /**
     * After a conditional update with {@link #addTo} was refused: throws {@link PendingEventsFull} if the item as it
     * was ({@link Items#asFound}: the refusal's {@code ALL_OLD} item, else read) had no room for {@code adding} more
     * events; else returns, and the writer's own condition was what failed.
     */
    static void refuseIfFull(ConditionalCheckFailedException refused, int adding,
            Supplier<Optional<Map<String, AttributeValue>>> read) {
        if (adding == 0) {
            return;
        }
        Optional<Map<String, AttributeValue>> found = Items.asFound(refused, read);
        AttributeValue pendingEvents = found.map(item -> item.get(PENDING_EVENTS)).orElse(null);
        if (pendingEvents != null && pendingEvents.hasM()
                && pendingEvents.m().size() + adding > MAX_PENDING_PER_ITEM) {
            throw new PendingEventsFull(MAX_PENDING_PER_ITEM);
        }
    }

    private Map<String, AttributeValue> encode(List<EventEnvelope> pending) {
        if (pending.size() > MAX_EVENTS_PER_WRITE) {
            throw new IllegalArgumentException("at most " + MAX_EVENTS_PER_WRITE + " events per write");
        }
        Set<String> ids = new HashSet<>();
        pending.forEach(e -> {
            if (!ids.add(e.id().value())) {
                throw new IllegalArgumentException("event " + e.id() + " appears twice in one write");
            }
        });
        TransportContext stamp = context.get();
        long base = pending.stream().map(EventEnvelope::time).max(Comparator.naturalOrder())
                .map(PendingEventItems::micros).orElse(0L) * MAX_EVENTS_PER_WRITE;
        Map<String, AttributeValue> encoded = new LinkedHashMap<>();
        for (int i = 0; i < pending.size(); i++) {
            EventEnvelope event = pending.get(i);
            encoded.put(event.id().value(), AttributeValue.fromM(Map.of(
                    TYPE, AttributeValue.fromS(event.type()),
                    CLOUD_EVENT, AttributeValue.fromS(codec.encode(event, stamp)),
                    SEQ, Attributes.n(base + i))));
        }
        return encoded;
    }

    /** The stored events of an item's map, in the order they happened (by {@code seq}, then id). */
    static List<StoredEvent> read(Map<String, AttributeValue> pendingEvents) {
        return read(pendingEvents, Instant.MAX);
    }

    /**
     * The stored events of an item's map written before {@code writtenBefore} (by their write's time, which
     * {@code seq} holds), in the order they happened.
     */
    static List<StoredEvent> read(Map<String, AttributeValue> pendingEvents, Instant writtenBefore) {
        record Entry(long seq, StoredEvent event) {
        }
        long before = writtenBefore.isAfter(LAST_MICROS) ? Long.MAX_VALUE : micros(writtenBefore);
        return pendingEvents.entrySet().stream()
                .map(e -> {
                    Map<String, AttributeValue> stored = Attributes.map(e.getValue(), "pending event");
                    return new Entry(Attributes.number(stored, SEQ), new StoredEvent(e.getKey(),
                            Attributes.string(stored, TYPE), Attributes.string(stored, CLOUD_EVENT)));
                })
                .filter(e -> e.seq() / MAX_EVENTS_PER_WRITE < before)
                .sorted(Comparator.comparingLong(Entry::seq).thenComparing(e -> e.event().eventId()))
                .map(Entry::event)
                .toList();
    }

    private static Instant oldest(List<EventEnvelope> pending) {
        return pending.stream().map(EventEnvelope::time).min(Comparator.naturalOrder()).orElseThrow();
    }

    private static long micros(Instant time) {
        return TimeUnit.SECONDS.toMicros(time.getEpochSecond()) + time.getNano() / 1_000;
    }
}
