package io.eventsuite.integration;

import io.eventsuite.localcloud.runtime.LambdaInvoker;
import io.eventsuite.localcloud.runtime.sqs.SqsEventSourceMapping;
import io.eventsuite.notification.NotificationServiceApplication;
import io.eventsuite.order.OrderServiceApplication;
import io.eventsuite.platform.testing.LambdaEntryPoint;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** The deployed applications' functions, invoked through the real Lambda entry point, and their queues' mappings. */
final class Functions {

    static final LambdaEntryPoint ORDERS = LambdaEntryPoint.of(OrderServiceApplication.class);
    static final LambdaEntryPoint NOTIFICATIONS = LambdaEntryPoint.of(NotificationServiceApplication.class);

    private Functions() {
    }

    static LambdaInvoker invoker(LambdaEntryPoint application, String definition) {
        return event -> application.invokeRaw(definition, new String(event, StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8);
    }

    static SqsEventSourceMapping mapping(LocalAws aws, LocalAws.Queue queue, LambdaEntryPoint application,
            String definition) {
        return new SqsEventSourceMapping(aws.sqs, queue.url(), queue.arn(), LocalAws.REGION, 10,
                invoker(application, definition));
    }

    /** Polls the mapping until the condition holds, or fails after a bounded time. */
    static void pollUntil(SqsEventSourceMapping mapping, BooleanSupplier done, Duration atMost) {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached within " + atMost);
            }
            mapping.pollOnce(1);
        }
    }
}
