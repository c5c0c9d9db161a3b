package io.eventsuite.adapters.dynamodb;

import io.eventsuite.domain.user.NotificationPreferences;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Notification preferences as a map attribute, the same in the users table and the recipients projection. */
final class PreferenceItems {

    static final String ORDER_UPDATES = "orderUpdates";
    static final String ACCOUNT_UPDATES = "accountUpdates";

    private PreferenceItems() {
    }

    static AttributeValue write(NotificationPreferences preferences) {
        return AttributeValue.fromM(Map.of(
                ORDER_UPDATES, Attributes.bool(preferences.orderUpdates()),
                ACCOUNT_UPDATES, Attributes.bool(preferences.accountUpdates())));
    }

    static NotificationPreferences read(Map<String, AttributeValue> item, String attribute) {
        Map<String, AttributeValue> preferences = Attributes.map(item, attribute);
        return new NotificationPreferences(Attributes.bool(preferences, ORDER_UPDATES),
                Attributes.bool(preferences, ACCOUNT_UPDATES));
    }
}
