package io.eventsuite.order;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.AnnotationConfigUtils;
import org.springframework.context.event.EventListenerMethodProcessor;

/**
 * Work a cold start no longer does (docs/benchmarks.md, "Levers"). Spring's {@code @EventListener} support looks at
 * every bean's declared methods once the context is up, lazy beans included: for the SDK clients' interfaces that
 * loads every request and response class of SES, SNS, SQS and DynamoDB, about 670 classes in GetOrder's start, for
 * annotations that no class on a function's classpath carries.
 */
class StartupWorkTest {

    @Test
    void no_bean_is_searched_for_event_listener_methods() {
        try (var context = new SpringApplicationBuilder(OrderServiceWithFakes.class)
                .properties("spring.cloud.function.definition=getOrder").run()) {

            assertThat(context.getBeanNamesForType(EventListenerMethodProcessor.class)).isEmpty();
            assertThat(context.containsBeanDefinition(AnnotationConfigUtils.EVENT_LISTENER_FACTORY_BEAN_NAME))
                    .isFalse();
        }
    }
}
