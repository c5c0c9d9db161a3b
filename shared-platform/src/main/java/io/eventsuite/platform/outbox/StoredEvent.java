package io.eventsuite.platform.outbox;

/**
 * One pending event as stored with its aggregate: the CloudEvent JSON exactly as it will be published
 * (with the {@code traceparent} and {@code correlationid} of the request that caused it), plus the two
 * attributes SNS needs without parsing it.
 *
 * @param eventId   the CloudEvents {@code id}
 * @param type      the CloudEvents {@code type}, published as the {@code type} message attribute for filter policies
 * @param cloudEvent the encoded event, the SNS message body
 */
public record StoredEvent(String eventId, String type, String cloudEvent) {
}
