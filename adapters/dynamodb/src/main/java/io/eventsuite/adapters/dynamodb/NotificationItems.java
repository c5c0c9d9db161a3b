package io.eventsuite.adapters.dynamodb;

import io.eventsuite.domain.common.EventId;
import io.eventsuite.domain.common.NotificationId;
import io.eventsuite.domain.common.UserId;
import io.eventsuite.domain.notification.Notification;
import io.eventsuite.domain.notification.NotificationKind;
import io.eventsuite.domain.notification.NotificationStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A notification as an item; {@code recipientId} and {@code createdAt} key the by-recipient index. */
final class NotificationItems {

    static final String ID = "id";
    static final String RECIPIENT_ID = "recipientId";
    static final String CAUSED_BY = "causedBy";
    static final String KIND = "kind";
    static final String SUBJECT = "subject";
    static final String BODY = "body";
    static final String STATUS = "status";
    static final String CREATED_AT = "createdAt";

    static final List<String> ALL = List.of(ID, RECIPIENT_ID, CAUSED_BY, KIND, SUBJECT, BODY, STATUS, CREATED_AT);

    private NotificationItems() {
    }

    static Map<String, AttributeValue> key(NotificationId id) {
        return Items.key(ID, id.value());
    }

    static Map<String, AttributeValue> item(Notification notification) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put(ID, Attributes.s(notification.id().value()));
        item.put(RECIPIENT_ID, Attributes.s(notification.recipientId().value()));
        item.put(CAUSED_BY, Attributes.s(notification.causedBy().value()));
        item.put(KIND, Attributes.s(notification.kind().name()));
        item.put(SUBJECT, Attributes.s(notification.subject()));
        item.put(BODY, Attributes.s(notification.body()));
        item.put(STATUS, Attributes.s(notification.status().name()));
        item.put(CREATED_AT, Attributes.instant(notification.createdAt()));
        return item;
    }

    static Notification read(String table, Map<String, AttributeValue> item) {
        return CorruptItem.guard(table, () -> new Notification(
                new NotificationId(Attributes.string(item, ID)),
                new UserId(Attributes.string(item, RECIPIENT_ID)),
                new EventId(Attributes.string(item, CAUSED_BY)),
                NotificationKind.valueOf(Attributes.string(item, KIND)),
                Attributes.string(item, SUBJECT),
                Attributes.string(item, BODY),
                NotificationStatus.valueOf(Attributes.string(item, STATUS)),
                Attributes.instant(item, CREATED_AT)));
    }
}
