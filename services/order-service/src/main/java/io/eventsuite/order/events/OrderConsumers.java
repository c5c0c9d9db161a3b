package io.eventsuite.order.events;

import io.eventsuite.domain.event.UserDeleted;
import io.eventsuite.domain.order.CancelingOrdersOfDeletedUser;
import io.eventsuite.platform.sqs.Handling;
import io.eventsuite.platform.sqs.SqsBatchConsumers;
import io.eventsuite.platform.sqs.SqsConsumerFunction;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One function bean per event consumer (each behind its own SQS queue). */
@Configuration(proxyBeanMethods = false)
public class OrderConsumers {

    /** UserDeleted: the customer's open orders are cancelled (each emitting OrderCancelled). */
    @Bean
    SqsConsumerFunction cancelOrdersOfDeletedUser(SqsBatchConsumers consumers,
            CancelingOrdersOfDeletedUser canceling) {
        return consumers.consumer("cancelOrdersOfDeletedUser", Set.of(UserDeleted.TYPE),
                event -> Handling.done("cancelled " + canceling.on((UserDeleted) event.data()) + " open order(s)"));
    }
}
