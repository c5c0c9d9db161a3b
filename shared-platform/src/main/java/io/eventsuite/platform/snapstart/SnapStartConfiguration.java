package io.eventsuite.platform.snapstart;

import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.function.context.FunctionCatalog;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * Registers the SnapStart priming hook at start-up (eagerly, although the context is lazy: the hook must be
 * registered before the snapshot is taken).
 *
 * <p>The priming event carries no identity and no records: every HTTP route refuses it with 401 and every SQS
 * consumer handles an empty batch, and neither writes anything. That still walks the adapter, event parsing,
 * problem rendering and logging code paths.
 */
@Configuration(proxyBeanMethods = false)
public class SnapStartConfiguration {

    static final String PRIMING_EVENT = """
            {"version":"2.0","routeKey":"GET /snapstart-priming","rawPath":"/snapstart-priming","rawQueryString":"",\
            "headers":{"accept":"application/json"},"requestContext":{"requestId":"snapstart-priming",\
            "http":{"method":"GET","path":"/snapstart-priming"}},"isBase64Encoded":false,"Records":[]}""";

    @Bean
    @Lazy(false)
    SnapStartPriming snapStartPriming(FunctionCatalog catalog,
            @Value("${spring.cloud.function.definition:}") String definition, ObjectProvider<PrimingRead> reads) {
        return new SnapStartPriming(catalog, definition, PRIMING_EVENT, () -> reads.orderedStream().toList());
    }
}
