package io.eventsuite.platform;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption.DoNotIncludeTests;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The shared layer serves every service and knows none of them; it holds no business rules of its own. */
@AnalyzeClasses(packages = "io.eventsuite.platform", importOptions = DoNotIncludeTests.class)
class PlatformArchitectureTest {

    @ArchTest
    static final ArchRule knows_no_service = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("io.eventsuite.user..", "io.eventsuite.order..", "io.eventsuite.notification..");

    @ArchTest
    static final ArchRule uses_no_use_case_of_any_domain = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("io.eventsuite.domain.user..", "io.eventsuite.domain.order..",
                    "io.eventsuite.domain.notification..");
}
