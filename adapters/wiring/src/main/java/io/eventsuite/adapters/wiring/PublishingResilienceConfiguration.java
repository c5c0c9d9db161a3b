package io.eventsuite.adapters.wiring;

import io.eventsuite.adapters.messaging.resilience.PublishingResilienceConfig;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.StandardEnvironment;

/** The one {@link PublishingResilienceConfig} of a function, from {@link PublishingProperties}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PublishingProperties.class)
public class PublishingResilienceConfiguration {

    private static final String VARIABLE_PREFIX = "EVENTSUITE_PUBLISHING";

    @Bean
    PublishingResilienceConfig publishingResilienceConfig(PublishingProperties properties,
            ConfigurableEnvironment environment) {
        refuseUnknownVariables(environment);
        return properties.toConfig();
    }

    /**
     * Boot refuses unknown names under the prefix in property files only ({@code ignoreUnknownFields = false}); it
     * leaves environment variables out of that check, and the template sets these settings as variables. So a
     * variable under {@code EVENTSUITE_PUBLISHING_} that names no setting fails the start here.
     */
    static void refuseUnknownVariables(ConfigurableEnvironment environment) {
        if (!(environment.getPropertySources().get(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME)
                instanceof EnumerablePropertySource<?> variables)) {
            return;
        }
        Set<String> known = variableNames(VARIABLE_PREFIX, PublishingProperties.class).collect(Collectors.toSet());
        Set<String> unknown = Arrays.stream(variables.getPropertyNames())
                .filter(name -> name.startsWith(VARIABLE_PREFIX + "_") && !known.contains(name))
                .collect(Collectors.toCollection(TreeSet::new));
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown resilience setting(s) " + unknown + "; known: "
                    + new TreeSet<>(known));
        }
    }

    /** {@code retry.maxAttempts} under {@code EVENTSUITE_PUBLISHING} is {@code EVENTSUITE_PUBLISHING_RETRY_MAX_ATTEMPTS}. */
    private static Stream<String> variableNames(String prefix, Class<?> type) {
        return Arrays.stream(type.getRecordComponents()).flatMap(component -> {
            String name = prefix + "_"
                    + component.getName().replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
            return component.getType().isRecord() ? variableNames(name, component.getType()) : Stream.of(name);
        });
    }
}
