package io.eventsuite.adapters.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsuite.adapters.messaging.resilience.PublishingResilienceConfig;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

@DisplayName("Resilience settings bound by Spring Boot: documented defaults, overridable from the environment")
class PublishingPropertiesTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(PublishingResilienceConfiguration.class);

    @Test
    void nothing_set_gives_the_documented_defaults() {
        runner.withInitializer(context -> environment(context, Map.of("PATH", "/usr/bin"))).run(context ->
                assertThat(context.getBean(PublishingResilienceConfig.class))
                        .isEqualTo(PublishingResilienceConfig.DEFAULTS));
    }

    @Test
    void settings_are_read_from_environment_variables_or_properties_alike() {
        Map<String, String> variables = Map.of(
                "EVENTSUITE_PUBLISHING_RETRY_MAX_ATTEMPTS", "4",
                "EVENTSUITE_PUBLISHING_BREAKER_OPEN_DURATION", "30s",
                "EVENTSUITE_PUBLISHING_CALL_TIMEOUT", "PT1.5S",
                "EVENTSUITE_PUBLISHING_DEADLINE_MARGIN", "400",
                "OTHER_SETTING", "ignored");
        PublishingResilienceConfig expected = new PublishingResilienceConfig(4, Duration.ofMillis(50), 2.0,
                Duration.ofMillis(400), 0.5, 10, 5, 50f, Duration.ofSeconds(30), 2, Duration.ofMillis(1500),
                Duration.ofSeconds(1), Duration.ofMillis(400), Duration.ofMillis(100));

        runner.withInitializer(context -> environment(context, variables)).run(context ->
                assertThat(context.getBean(PublishingResilienceConfig.class)).isEqualTo(expected));
        runner.withPropertyValues("eventsuite.publishing.retry.max-attempts=4",
                        "eventsuite.publishing.breaker.open-duration=30s", "eventsuite.publishing.call-timeout=1500ms",
                        "eventsuite.publishing.deadline-margin=400ms")
                .run(context -> assertThat(context.getBean(PublishingResilienceConfig.class)).isEqualTo(expected));
    }

    @Test
    void a_bad_value_or_an_unknown_setting_fails_the_start_and_names_it() {
        runner.withInitializer(context -> environment(context, Map.of("EVENTSUITE_PUBLISHING_RETRY_JITTER", "lots")))
                .run(context -> assertThat(context).getFailure()
                        .hasStackTraceContaining("Failed to bind properties under 'eventsuite.publishing.retry.jitter'")
                        .rootCause().hasMessage("For input string: \"lots\""));
        runner.withInitializer(context -> environment(context, Map.of("EVENTSUITE_PUBLISHING_RETRY_MAX_ATTEMPTS", "0")))
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessage("resilience setting RETRY_MAX_ATTEMPTS must be at least 1"));
        runner.withInitializer(context -> environment(context, Map.of("EVENTSUITE_PUBLISHING_RETRY_MAX_ATEMPTS", "4")))
                .run(context -> assertThat(context).getFailure()
                        .hasStackTraceContaining("EVENTSUITE_PUBLISHING_RETRY_MAX_ATEMPTS"));
        runner.withPropertyValues("eventsuite.publishing.retry.max-atempts=4")
                .run(context -> assertThat(context).getFailure()
                        .hasStackTraceContaining("The elements [eventsuite.publishing.retry.max-atempts] were left unbound"));
    }

    /** The process environment a function would see, instead of this JVM's own. */
    private static void environment(org.springframework.context.ConfigurableApplicationContext context,
            Map<String, String> variables) {
        context.getEnvironment().getPropertySources().replace(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        Map.copyOf(variables)));
    }
}
