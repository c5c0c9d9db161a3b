package io.eventsuite.domain.notification;

/**
 * Port: delivers a message to a person (email through SES in AWS, a captured outbox locally).
 */
public interface NotificationChannel {

    /**
     * Delivers the message. Throws when delivery failed for a transport reason: the event being handled then
     * fails and is redelivered, and the still pending notification is sent on that retry.
     */
    void send(OutgoingMessage message);
}
