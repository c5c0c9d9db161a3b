package io.eventsuite.deployment.beans;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.eventsuite.deployment.template.Template;
import io.eventsuite.deployment.template.Template.Resource;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.AssertionFailedError;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * Rule function-definition-names-a-bean: each function's SPRING_CLOUD_FUNCTION_DEFINITION names a {@code @Bean}
 * of the application in its MAIN_CLASS (that class or what it {@code @Import}s, transitively), and MAIN_CLASS
 * comes from the service its CodeUri builds. Checked by reflection on the services' classes; no Spring context
 * is started.
 */
class FunctionBeansTest {

    @TestFactory
    Stream<DynamicTest> everyFunctionDefinitionNamesABeanOfItsApplication() {
        Template template = Template.project();
        return template.ofType(Template.SERVERLESS_FUNCTION).map(function -> {
            Map<String, Object> env = template.environment(function);
            String definition = String.valueOf(env.get("SPRING_CLOUD_FUNCTION_DEFINITION"));
            String mainClass = String.valueOf(env.get("MAIN_CLASS"));
            String codeUri = String.valueOf(template.effectiveProperties(function).get("CodeUri"));
            return dynamicTest(function.id() + ": " + definition + " in " + mainClass,
                    () -> check(function, definition, mainClass, codeUri));
        });
    }

    @Test
    void theBeanLookupSeesTheApplicationAndWhatItImportsOnly() {
        Map<String, Class<?>> beans = ApplicationBeans.beansOf(io.eventsuite.user.UserServiceApplication.class);

        assertTrue(beans.keySet().containsAll(Set.of("registerUser", "getUser", "updateUser", "deleteUser")), beans.keySet()::toString);
        assertTrue(beans.containsKey("strictJson"), "beans of imported configurations (PlatformConfiguration) count");
        assertFalse(beans.containsKey("placeOrder"), "another service's bean must not count");
    }

    @Test
    void aFunctionNamingABeanItsApplicationLacksFailsRatherThanBeingSkipped() {
        Resource function = new Resource("RelayNotificationsFunction", Map.of("Type", Template.SERVERLESS_FUNCTION));

        assertThatThrownBy(() -> check(function, "relayPendingEvents",
                io.eventsuite.notification.NotificationServiceApplication.class.getName(), "services/notification-service"))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("names 'relayPendingEvents'");
    }

    private static void check(Resource function, String definition, String mainClass, String codeUri) {
        Class<?> application;
        try {
            application = Class.forName(mainClass, false, FunctionBeansTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            fail(function.id() + ": MAIN_CLASS " + mainClass + " is not a class of any service on the classpath");
            return;
        }
        assertTrue(application.isAnnotationPresent(SpringBootConfiguration.class)
                        || Arrays.stream(application.getAnnotations()).anyMatch(
                                a -> a.annotationType().isAnnotationPresent(SpringBootConfiguration.class)),
                function.id() + ": MAIN_CLASS " + mainClass + " is not a Spring Boot application class");

        String service = codeUri.substring(codeUri.lastIndexOf('/') + 1);
        String location = String.valueOf(application.getProtectionDomain().getCodeSource().getLocation());
        assertTrue(location.contains("/" + service + "/") || location.contains("/" + service + "-"),
                function.id() + ": MAIN_CLASS " + mainClass + " comes from " + location + ", not from CodeUri " + codeUri);

        Map<String, Class<?>> beans = ApplicationBeans.beansOf(application);
        for (String name : definition.split("[|,;]")) {
            String bean = name.trim();
            // No escape hatch: a template naming a bean that does not exist would fail at its first invocation.
            if (beans.containsKey(bean)) {
                continue;
            }
            fail(function.id() + ": SPRING_CLOUD_FUNCTION_DEFINITION names '" + bean + "', but " + mainClass
                    + " and what it imports declare only the beans " + beans.keySet());
        }
    }
}
