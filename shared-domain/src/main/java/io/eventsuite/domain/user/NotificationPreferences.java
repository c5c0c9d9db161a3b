package io.eventsuite.domain.user;

/**
 * Which notifications a user wants to receive.
 *
 * @param orderUpdates   messages about their orders (placed, cancelled)
 * @param accountUpdates messages about their account (welcome)
 */
public record NotificationPreferences(boolean orderUpdates, boolean accountUpdates) {

    /** What a user gets when they do not say: everything. */
    public static final NotificationPreferences DEFAULT = new NotificationPreferences(true, true);
}
