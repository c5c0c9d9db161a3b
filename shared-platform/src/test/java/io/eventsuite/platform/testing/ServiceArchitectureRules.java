package io.eventsuite.platform.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/**
 * The rules every service keeps, shared so each service's architecture test states them in one line:
 * services talk to each other only through events (no service depends on another's code), and their
 * handlers stay thin: they use the domain's use cases and the platform, never the AWS SDK or Jackson.
 */
public final class ServiceArchitectureRules {

    private static final List<String> SERVICES = List.of("io.eventsuite.user", "io.eventsuite.order",
            "io.eventsuite.notification");

    private ServiceArchitectureRules() {
    }

    public static ArchRule dependsOnNoOtherService(String servicePackage) {
        return noClasses().that().resideInAPackage(servicePackage + "..")
                .should().dependOnClassesThat().resideInAnyPackage(SERVICES.stream()
                        .filter(s -> !s.equals(servicePackage)).map(s -> s + "..").toArray(String[]::new))
                .because("services talk to each other only through events");
    }

    public static ArchRule handlersUseNeitherTheSdkNorJackson(String servicePackage) {
        return noClasses().that().resideInAnyPackage(servicePackage + ".http..", servicePackage + ".events..")
                .should().dependOnClassesThat().resideInAnyPackage("software.amazon.awssdk..", "tools.jackson..",
                        "com.fasterxml.jackson..")
                .because("handlers are thin: parsing and transport belong to the shared platform");
    }
}
