/**
 * Outbound messaging adapters, plain Java (no Spring; the services wire them).
 *
 * <ul>
 *   <li>{@link io.eventsuite.adapters.messaging.sns} – the SNS transport: encoded CloudEvents to the service's topic,
 *       {@code PublishBatch} of at most 10, the message-attribute allow-list.</li>
 *   <li>{@link io.eventsuite.adapters.messaging.outbox} – the transactional outbox around it: the
 *       {@code EventPublisher} use cases call after their write, and the relay a scheduled Lambda runs.</li>
 *   <li>{@link io.eventsuite.adapters.messaging.email} – notification channels: SES email in AWS, an SQS-captured
 *       outbox in the local cloud.</li>
 *   <li>{@link io.eventsuite.adapters.messaging.resilience} – the one retry layer (Resilience4j, SDK retries off), the
 *       circuit breaker, time limits derived from the Lambda invocation's remaining time, and their metrics.</li>
 * </ul>
 */
package io.eventsuite.adapters.messaging;
