package io.eventsuite.platform.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The invocation's EMF line, over whatever Micrometer registry the service has (Boot's simple one by default). */
@Configuration(proxyBeanMethods = false)
public class MetricsConfiguration {

    @Bean
    InvocationMetrics invocationMetrics(ObjectProvider<MeterRegistry> registry,
            @Value("${spring.application.name:unknown}") String service) {
        // Straight to standard output, beside the JSON log lines: CloudWatch Logs extracts EMF from there (looked up
        // per line, not bound once, so whatever stream is standard output at the time gets it).
        return new InvocationMetrics(registry.getIfAvailable(), service, line -> System.out.println(line),
                Clock.systemUTC());
    }
}
